package io.inkwell.live;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkwell.comment.CommentEvents;
import io.inkwell.comment.CommentResponse;
import io.inkwell.common.persistence.Jdbc;
import io.inkwell.event.EventConsumer;
import io.inkwell.event.StoredEvent;
import io.inkwell.profile.ProfileResponse.Profile;

/**
 * Publishes new and deleted comments to the followers of their article, on every replica. A comment
 * deleted before its event is handled is not published: nothing deleted goes out live.
 */
@ApplicationScoped
class LiveConsumer implements EventConsumer {

    private final Jdbc jdbc;
    private final LiveFanout fanout;
    private final ObjectMapper json;

    LiveConsumer(Jdbc jdbc, LiveFanout fanout, ObjectMapper json) {
        this.jdbc = jdbc;
        this.fanout = fanout;
        this.json = json;
    }

    @Override
    public String name() {
        return "live";
    }

    @Override
    public Set<String> types() {
        return Set.of(CommentEvents.POSTED, CommentEvents.DELETED);
    }

    @Override
    public void handle(StoredEvent event) throws JsonProcessingException {
        long commentId = event.payload().getLong("commentId");
        long articleId = event.payload().getLong("articleId");
        if (CommentEvents.DELETED.equals(event.type())) {
            String slug = jdbc.query("SELECT slug FROM articles WHERE id = ?", List.of(articleId),
                    rows -> rows.next() ? rows.getString(1) : event.payload().getString("slug"));
            String text = json.writeValueAsString(new LiveMessages.CommentDeleted(slug, commentId));
            fanout.toArticle(articleId, 0, text, text);
            return;
        }
        Posted posted = jdbc.query("""
                SELECT c.created_at, c.updated_at, c.body, u.username, u.bio, u.image, u.id, a.slug
                FROM comments c JOIN users u ON u.id = c.author_id JOIN articles a ON a.id = c.article_id
                WHERE c.id = ?""", List.of(commentId), rows -> rows.next()
                ? new Posted(new CommentResponse.View(commentId, rows.getObject(1, OffsetDateTime.class).toInstant(),
                        rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getString(3),
                        new Profile(rows.getString(4), rows.getString(5), rows.getString(6), false)), rows.getLong(7), rows.getString(8))
                : null);
        if (posted == null) {
            return; // deleted meanwhile
        }
        CommentResponse.View followed = new CommentResponse.View(posted.view.id(), posted.view.createdAt(), posted.view.updatedAt(),
                posted.view.body(), new Profile(posted.view.author().username(), posted.view.author().bio(),
                        posted.view.author().image(), true));
        fanout.toArticle(articleId, posted.authorId,
                json.writeValueAsString(new LiveMessages.Comment(posted.slug, posted.view)),
                json.writeValueAsString(new LiveMessages.Comment(posted.slug, followed)));
    }

    private record Posted(CommentResponse.View view, long authorId, String slug) {
    }
}
