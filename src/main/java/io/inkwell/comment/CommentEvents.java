package io.inkwell.comment;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.event.Outbox;
import io.vertx.core.json.JsonObject;

/** What comments announce through the outbox. */
@ApplicationScoped
public class CommentEvents {

    /** {@code {"commentId", "articleId", "authorId"}}. */
    public static final String POSTED = "comment.posted";
    /** {@code {"commentId", "articleId", "slug"}}: the slug the article had when the comment went. */
    public static final String DELETED = "comment.deleted";

    private final Outbox outbox;

    CommentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void posted(long commentId, long articleId, long authorId) {
        outbox.write(POSTED, new JsonObject().put("commentId", commentId).put("articleId", articleId).put("authorId", authorId));
    }

    void deleted(Comment comment) {
        outbox.write(DELETED, new JsonObject()
                .put("commentId", comment.id).put("articleId", comment.article.id).put("slug", comment.article.slug));
    }
}
