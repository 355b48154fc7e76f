package io.inkwell.article;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.inkwell.common.validation.Limits;
import io.inkwell.common.validation.PlainText;
import io.inkwell.common.validation.PrintableText;

/** Request bodies of the article endpoints. Fields a client must not set (slug, author, counts) are ignored. */
public final class ArticleRequests {

    private static final String NOT_BLANK_IF_PRESENT = "(?s).*\\S.*";

    private ArticleRequests() {
    }

    public record Create(@NotNull @Valid NewArticle article) {
    }

    public record NewArticle(
            @NotBlank @Size(max = Limits.TITLE, message = Limits.TOO_LONG) @PlainText String title,
            @NotBlank @Size(max = Limits.DESCRIPTION, message = Limits.TOO_LONG) @PlainText String description,
            @NotBlank @Size(max = Limits.ARTICLE_BODY, message = Limits.TOO_LONG) @PlainText String body,
            @Size(max = Limits.TAGS_PER_ARTICLE, message = "has too many tags (maximum is {max})")
            List<@NotBlank @Size(max = Limits.TAG, message = Limits.TOO_LONG) @PrintableText String> tagList) {
    }

    public record Update(@NotNull @Valid ArticleChanges article) {
    }

    /** Every field optional; {@code null} keeps the current value. A new title brings a new slug. */
    public record ArticleChanges(
            @Pattern(regexp = NOT_BLANK_IF_PRESENT, message = "can't be blank")
            @Size(max = Limits.TITLE, message = Limits.TOO_LONG) @PlainText String title,
            @Pattern(regexp = NOT_BLANK_IF_PRESENT, message = "can't be blank")
            @Size(max = Limits.DESCRIPTION, message = Limits.TOO_LONG) @PlainText String description,
            @Pattern(regexp = NOT_BLANK_IF_PRESENT, message = "can't be blank")
            @Size(max = Limits.ARTICLE_BODY, message = Limits.TOO_LONG) @PlainText String body,
            @Size(max = Limits.TAGS_PER_ARTICLE, message = "has too many tags (maximum is {max})")
            List<@NotBlank @Size(max = Limits.TAG, message = Limits.TOO_LONG) @PrintableText String> tagList) {
    }
}
