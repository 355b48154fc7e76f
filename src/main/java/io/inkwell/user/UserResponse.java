package io.inkwell.user;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.inkwell.common.security.Sessions;

/**
 * {@code {"user": {...}}}: the signed-in user, with the token to present on later calls, and, when a
 * session starts or is refreshed, the refresh token that gets the next one. {@code emailVerified} is
 * Inkwell's addition; Conduit clients ignore it.
 */
public record UserResponse(Body user) {

    public record Body(String email, @JsonInclude(JsonInclude.Include.NON_NULL) String token, String username,
            String bio, String image, boolean emailVerified,
            @JsonInclude(JsonInclude.Include.NON_NULL) String refreshToken) {
    }

    /** @param token the token to present, or {@code null} where the caller presented none (e-mail verification) */
    public static UserResponse of(User user, String token) {
        return new UserResponse(new Body(user.email, token, user.username, user.bio, user.image,
                user.emailVerifiedAt != null, null));
    }

    public static UserResponse of(User user, Sessions.Tokens tokens) {
        return new UserResponse(new Body(user.email, tokens.accessToken(), user.username, user.bio, user.image,
                user.emailVerifiedAt != null, tokens.refreshToken()));
    }
}
