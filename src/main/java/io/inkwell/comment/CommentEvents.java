package io.inkwell.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.inkwell.event.Outbox;
import io.vertx.core.json.JsonObject;

/**
 * What comments announce: durably through the outbox (notifications), and as CDI events that live
 * updates observe after the commit. Live messages need no durability and must not queue behind the
 * pipeline's backlog.
 */
@ApplicationScoped
public class CommentEvents {

    /** A comment committed on an article, shaped as the poster's answer (so {@code following} is false). */
    public record Posted(String slug, long articleId, long authorId, CommentResponse.View comment) {
    }

    /** A comment deleted from an article; {@code slug} as it was then. */
    public record Deleted(String slug, long articleId, long commentId) {
    }

    /** {@code {"commentId", "articleId", "authorId"}}. */
    public static final String POSTED = "comment.posted";
    /** {@code {"commentId", "articleId", "slug"}}: the slug the article had when the comment went. */
    public static final String DELETED = "comment.deleted";

    private final Outbox outbox;
    private final Event<Posted> posted;
    private final Event<Deleted> deleted;

    CommentEvents(Outbox outbox, Event<Posted> posted, Event<Deleted> deleted) {
        this.outbox = outbox;
        this.posted = posted;
        this.deleted = deleted;
    }

    void posted(String slug, long articleId, long authorId, CommentResponse.View comment) {
        outbox.write(POSTED, new JsonObject().put("commentId", comment.id()).put("articleId", articleId).put("authorId", authorId));
        posted.fire(new Posted(slug, articleId, authorId, comment));
    }

    void deleted(Comment comment) {
        outbox.write(DELETED, new JsonObject()
                .put("commentId", comment.id).put("articleId", comment.article.id).put("slug", comment.article.slug));
        deleted.fire(new Deleted(comment.article.slug, comment.article.id, comment.id));
    }
}
