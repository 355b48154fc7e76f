package io.inkwell.comment;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.inkwell.profile.ProfileResponse.Profile;

/** {@code {"comment": {...}}}. */
public record CommentResponse(View comment) {

    public record View(long id, Instant createdAt, Instant updatedAt, String body, Profile author) {

        static View of(Comment comment, boolean followingAuthor) {
            return new View(comment.id, comment.createdAt, comment.updatedAt, comment.body,
                    Profile.of(comment.author, followingAuthor));
        }
    }

    /** {@code {"comments": [...]}}, and {@code nextCursor} (an extension) when more comments follow. */
    public record Many(List<View> comments, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {
    }
}
