package io.inkwell.live;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.common.persistence.Jdbc;

/** Following an article's comments by slug; the subscription holds the article's id, which a new title does not change. */
@ApplicationScoped
class LiveSubscriptions {

    private final LiveConnections connections;
    private final Jdbc jdbc;

    LiveSubscriptions(LiveConnections connections, Jdbc jdbc) {
        this.connections = connections;
        this.jdbc = jdbc;
    }

    Object subscribe(LiveConnections.Client client, String slug) {
        Optional<Long> article = articleId(slug);
        if (article.isEmpty()) {
            return new LiveMessages.Error("article not found", slug);
        }
        return switch (connections.subscribe(client, article.get())) {
            case YES, ALREADY -> new LiveMessages.Subscription("subscribed", slug);
            case TOO_MANY -> new LiveMessages.Error("too many subscriptions on this connection", slug);
        };
    }

    Object unsubscribe(LiveConnections.Client client, String slug) {
        articleId(slug).ifPresent(id -> connections.unsubscribe(client, id));
        return new LiveMessages.Subscription("unsubscribed", slug);
    }

    private Optional<Long> articleId(String slug) {
        return jdbc.query("SELECT id FROM articles WHERE slug = ?", List.of(slug),
                rows -> rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty());
    }
}
