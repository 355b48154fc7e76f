package io.inkwell.notification;

import java.time.Instant;
import java.util.List;

import io.inkwell.profile.ProfileResponse.Profile;

/** {@code {"notifications": [...], "unreadCount": n, "nextCursor": "..." | null}}. */
public record NotificationResponse(List<View> notifications, long unreadCount, String nextCursor) {

    /** One notification; {@code actor} as the recipient sees their profile, {@code article}/{@code comment} null when not concerned. */
    public record View(String id, String type, Instant createdAt, boolean read, Profile actor, ArticleRef article,
            CommentRef comment) {
    }

    public record ArticleRef(String slug, String title) {
    }

    public record CommentRef(long id, String body) {
    }
}
