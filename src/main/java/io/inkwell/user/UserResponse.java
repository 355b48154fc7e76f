package io.inkwell.user;

/** {@code {"user": {...}}}: the signed-in user, with the token to present on later calls. */
public record UserResponse(Body user) {

    public record Body(String email, String token, String username, String bio, String image) {
    }

    public static UserResponse of(User user, String token) {
        return new UserResponse(new Body(user.email, token, user.username, user.bio, user.image));
    }
}
