package io.inkwell.comment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.inkwell.common.validation.Limits;
import io.inkwell.common.validation.PlainText;

public final class CommentRequests {

    private CommentRequests() {
    }

    public record Create(@NotNull @Valid NewComment comment) {
    }

    public record NewComment(
            @NotBlank @Size(max = Limits.COMMENT_BODY, message = Limits.TOO_LONG) @PlainText String body) {
    }
}
