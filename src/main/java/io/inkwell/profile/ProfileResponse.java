package io.inkwell.profile;

import io.inkwell.user.User;

/** {@code {"profile": {...}}}. */
public record ProfileResponse(Profile profile) {

    /** A user as others see them; also the {@code author} of articles and comments. */
    public record Profile(String username, String bio, String image, boolean following) {

        public static Profile of(User user, boolean following) {
            return new Profile(user.username, user.bio, user.image, following);
        }
    }
}
