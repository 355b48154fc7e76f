package io.inkwell.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.inkwell.article.ArticleEvents;
import io.inkwell.comment.CommentEvents;
import io.inkwell.common.persistence.Jdbc;
import io.inkwell.event.EventConsumer;
import io.inkwell.event.StoredEvent;
import io.inkwell.profile.ProfileService;
import io.vertx.core.json.JsonObject;

/**
 * Turns events into notifications, from the current state of things: a follow, favorite, comment
 * or article that no longer exists notifies nobody, and nobody is notified of their own action.
 * One statement per event; the unique keys make handling an event twice add nothing.
 */
@ApplicationScoped
class NotificationConsumer implements EventConsumer {

    private static final String INSERT = "INSERT INTO notifications (recipient_id, actor_id, type, article_id, comment_id, event_id) ";
    private static final String RETURNING = " ON CONFLICT DO NOTHING RETURNING id";

    private final Jdbc jdbc;
    private final Event<NotificationsCreated> created;

    NotificationConsumer(Jdbc jdbc, Event<NotificationsCreated> created) {
        this.jdbc = jdbc;
        this.created = created;
    }

    @Override
    public String name() {
        return "notification";
    }

    @Override
    public Set<String> types() {
        return Set.of(ProfileService.FOLLOWED, CommentEvents.POSTED, ArticleEvents.FAVORITED, ArticleEvents.PUBLISHED);
    }

    @Override
    public void handle(StoredEvent event) {
        JsonObject payload = event.payload();
        List<Long> ids = switch (event.type()) {
            case ProfileService.FOLLOWED -> insert("""
                    SELECT f.followed_id, f.follower_id, 'follow', NULL, NULL, ? FROM follows f
                    WHERE f.follower_id = ? AND f.followed_id = ?""",
                    event.id(), payload.getLong("followerId"), payload.getLong("followedId"));
            case CommentEvents.POSTED -> insert("""
                    SELECT a.author_id, c.author_id, 'comment', a.id, c.id, ? FROM comments c
                    JOIN articles a ON a.id = c.article_id WHERE c.id = ? AND a.author_id <> c.author_id""",
                    event.id(), payload.getLong("commentId"));
            case ArticleEvents.FAVORITED -> insert("""
                    SELECT a.author_id, f.user_id, 'favorite', a.id, NULL, ? FROM favorites f
                    JOIN articles a ON a.id = f.article_id WHERE f.user_id = ? AND f.article_id = ? AND a.author_id <> f.user_id""",
                    event.id(), payload.getLong("userId"), payload.getLong("articleId"));
            case ArticleEvents.PUBLISHED -> insert("""
                    SELECT f.follower_id, a.author_id, 'article', a.id, NULL, ? FROM articles a
                    JOIN follows f ON f.followed_id = a.author_id WHERE a.id = ?""",
                    event.id(), payload.getLong("articleId"));
            default -> throw new IllegalArgumentException("notifications have no use for " + event.type());
        };
        if (!ids.isEmpty()) {
            created.fire(new NotificationsCreated(ids)); // observers that care about the commit use AFTER_SUCCESS
        }
    }

    private List<Long> insert(String select, Object... parameters) {
        return jdbc.query(INSERT + select + RETURNING, List.of(parameters), rows -> {
            List<Long> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            return ids;
        });
    }
}
