package io.inkwell.article;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.inkwell.profile.ProfileResponse.Profile;

/** {@code {"article": {...}}}. */
public record ArticleResponse(View article) {

    /** An article as a reader sees it. {@code body} is left out of lists (spec change of 2024-08). */
    public record View(
            String slug,
            String title,
            String description,
            @JsonInclude(JsonInclude.Include.NON_NULL) String body,
            List<String> tagList,
            Instant createdAt,
            Instant updatedAt,
            boolean favorited,
            long favoritesCount,
            Profile author) {
    }

    /**
     * {@code {"articles": [...], "articlesCount": n, "nextCursor": "..."}}: the count is of all matches,
     * not of this page; {@code nextCursor}, absent on the last page, continues the list with {@code ?cursor=}.
     */
    public record Page(List<View> articles, long articlesCount,
            @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

        public Page(List<View> articles, long articlesCount) {
            this(articles, articlesCount, null);
        }
    }
}
