package io.inkwell.session;

import java.time.Instant;
import java.util.List;

/** {@code {"sessions": [...]}}: the caller's live sessions. */
public record SessionResponse(List<View> sessions) {

    /** {@code lastUsedAt} is kept to within a few minutes (see inkwell.session.check-ttl). */
    public record View(String id, Instant createdAt, Instant lastUsedAt, String userAgent, boolean current) {

        static View of(Session session, boolean current) {
            return new View(session.id.toString(), session.createdAt, session.lastUsedAt, session.userAgent, current);
        }
    }

    /** {@code {"refreshToken": "..."}}. */
    public record RefreshRequest(@jakarta.validation.constraints.NotBlank
            @jakarta.validation.constraints.Size(max = 200, message = "is invalid or expired") String refreshToken) {
    }
}
