package io.inkwell.comment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.inkwell.common.validation.Limits;

public final class CommentRequests {

    private CommentRequests() {
    }

    public record Create(@NotNull @Valid NewComment comment) {
    }

    public record NewComment(@NotBlank @Size(max = Limits.COMMENT_BODY, message = Limits.TOO_LONG) String body) {
    }
}
