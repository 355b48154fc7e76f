package io.inkwell.article;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.event.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;

/** What articles announce: business counters at /q/metrics, and domain events through the outbox. */
@ApplicationScoped
public class ArticleEvents {

    /** {@code {"articleId", "authorId"}}. */
    public static final String PUBLISHED = "article.published";
    /** {@code {"articleId", "userId"}}: written only when the favorite is new. */
    public static final String FAVORITED = "article.favorited";

    private final Outbox outbox;
    private final Counter published;

    ArticleEvents(Outbox outbox, MeterRegistry registry) {
        this.outbox = outbox;
        published = Counter.builder("inkwell.articles.published")
                .description("Articles published").register(registry);
    }

    void published(Article article) {
        published.increment();
        outbox.write(PUBLISHED, new JsonObject().put("articleId", article.id).put("authorId", article.author.id));
    }

    void favorited(long userId, long articleId) {
        outbox.write(FAVORITED, new JsonObject().put("articleId", articleId).put("userId", userId));
    }
}
