package io.inkwell.user;


import com.fasterxml.jackson.annotation.JsonInclude;

import io.inkwell.common.security.Sessions;

/**
 * {@code {"user": {...}}}: the signed-in user, with the token to present on later calls, and, when a
 * session starts or is refreshed, the refresh token that gets the next one.
 */
public record UserResponse(Body user) {

    public record Body(String email, String token, String username, String bio, String image,
            @JsonInclude(JsonInclude.Include.NON_NULL) String refreshToken) {
    }

    public static UserResponse of(User user, String token) {
        return new UserResponse(new Body(user.email, token, user.username, user.bio, user.image, null));
    }

    public static UserResponse of(User user, Sessions.Tokens tokens) {
        return new UserResponse(new Body(user.email, tokens.accessToken(), user.username, user.bio, user.image,
                tokens.refreshToken()));
    }
}
