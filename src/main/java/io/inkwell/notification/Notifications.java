package io.inkwell.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.common.persistence.Jdbc;
import io.inkwell.notification.NotificationResponse.ArticleRef;
import io.inkwell.notification.NotificationResponse.CommentRef;
import io.inkwell.notification.NotificationResponse.View;
import io.inkwell.profile.ProfileResponse.Profile;

/**
 * Reads and marks a user's notifications, newest first by their events (consumers handle events in
 * parallel, so notification ids need not follow them), with keyset paging: a cursor names the last
 * notification seen. Every statement is limited to the recipient, so another user's ids find, change
 * and reveal nothing.
 */
@ApplicationScoped
public class Notifications {

    private static final String SELECT = """
            SELECT n.id, n.type, n.created_at, n.read_at IS NOT NULL, u.username, u.bio, u.image,
                   EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = n.recipient_id AND f.followed_id = n.actor_id),
                   a.slug, a.title, c.id, c.body, n.recipient_id
            FROM notifications n
            JOIN users u ON u.id = n.actor_id
            LEFT JOIN articles a ON a.id = n.article_id
            LEFT JOIN comments c ON c.id = n.comment_id
            """;

    private final Jdbc jdbc;

    Notifications(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} notifications of events before {@code beforeEventId}, plus one to tell whether more follow. */
    List<View> page(long recipientId, long beforeEventId, int limit) {
        return jdbc.query(SELECT + "WHERE n.recipient_id = ? AND n.event_id < ? ORDER BY n.event_id DESC LIMIT ?",
                List.of(recipientId, beforeEventId, limit + 1), rows -> {
                    List<View> views = new ArrayList<>();
                    while (rows.next()) {
                        views.add(view(rows));
                    }
                    return views;
                });
    }

    /** The event of one of the recipient's notifications: where the next page starts. */
    long eventOf(long recipientId, String notificationId) {
        return jdbc.query("SELECT event_id FROM notifications WHERE recipient_id = ? AND id = ?",
                List.of(recipientId, Long.parseLong(notificationId)), rows -> rows.next() ? rows.getLong(1) : 0L);
    }

    long unreadCount(long recipientId) {
        return jdbc.query("SELECT count(*) FROM notifications WHERE recipient_id = ? AND read_at IS NULL",
                List.of(recipientId), rows -> rows.next() ? rows.getLong(1) : 0L);
    }

    void markRead(long recipientId, Long[] ids) {
        jdbc.update("UPDATE notifications SET read_at = now() WHERE recipient_id = ? AND read_at IS NULL AND id = ANY(?)",
                recipientId, ids);
    }

    void markAllRead(long recipientId) {
        jdbc.update("UPDATE notifications SET read_at = now() WHERE recipient_id = ? AND read_at IS NULL", recipientId);
    }

    /** Views of the given notifications by recipient, for pushing them live. */
    public Map<Long, List<View>> byRecipient(List<Long> ids) {
        return jdbc.query(SELECT + "WHERE n.id = ANY(?) ORDER BY n.event_id", List.of((Object) ids.toArray(Long[]::new)), rows -> {
            Map<Long, List<View>> views = new LinkedHashMap<>();
            while (rows.next()) {
                views.computeIfAbsent(rows.getLong(13), r -> new ArrayList<>()).add(view(rows));
            }
            return views;
        });
    }

    private static View view(ResultSet rows) throws SQLException {
        String slug = rows.getString(9);
        long commentId = rows.getLong(11);
        boolean hasComment = !rows.wasNull();
        return new View(
                Long.toString(rows.getLong(1)),
                rows.getString(2),
                rows.getObject(3, OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.MILLIS), // as the API shows times
                rows.getBoolean(4),
                new Profile(rows.getString(5), rows.getString(6), rows.getString(7), rows.getBoolean(8)),
                slug == null ? null : new ArticleRef(slug, rows.getString(10)),
                hasComment ? new CommentRef(commentId, rows.getString(12)) : null);
    }
}
