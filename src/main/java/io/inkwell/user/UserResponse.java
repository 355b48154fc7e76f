package io.inkwell.user;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code {"user": {...}}}: the signed-in user, with the token to present on later calls.
 * {@code emailVerified} is Inkwell's addition; Conduit clients ignore it.
 */
public record UserResponse(Body user) {

    public record Body(String email, @JsonInclude(JsonInclude.Include.NON_NULL) String token, String username,
            String bio, String image, boolean emailVerified) {
    }

    /** @param token the token to present, or {@code null} where the caller presented none (e-mail verification) */
    public static UserResponse of(User user, String token) {
        return new UserResponse(new Body(user.email, token, user.username, user.bio, user.image, user.emailVerifiedAt != null));
    }
}
