package io.inkwell.comment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.inkwell.article.Article;
import io.inkwell.article.ArticleService;
import io.inkwell.common.change.Changed;
import io.inkwell.common.change.Topic;
import io.inkwell.common.error.ApiException;
import io.inkwell.common.persistence.Jdbc;
import io.inkwell.profile.Follow;
import io.inkwell.profile.ProfileResponse.Profile;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.UnauthorizedException;

@ApplicationScoped
@Transactional
public class CommentService {

    private final ArticleService articles;
    private final Jdbc jdbc;
    private final CommentEvents events;
    private final Counter posted;
    private final Event<Changed> changed;

    CommentService(ArticleService articles, Jdbc jdbc, CommentEvents events, MeterRegistry registry, Event<Changed> changed) {
        this.articles = articles;
        this.jdbc = jdbc;
        this.events = events;
        this.changed = changed;
        this.posted = Counter.builder("inkwell.comments.posted").description("Comments posted").register(registry);
    }

    /** Three statements however many comments: the article, the comments with authors, and follows. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CommentResponse.Many list(String slug, Long viewerId, CommentPage page) {
        List<Comment> comments = Comment.pageFor(articles.find(slug), page);
        String nextCursor = null;
        if (comments.size() > page.limit()) {
            comments = comments.subList(0, page.limit());
            nextCursor = CommentPage.Cursor.of(comments.get(comments.size() - 1)).encode();
        }
        Set<Long> followed = viewerId == null
                ? Set.of()
                : Follow.followedAmong(viewerId, comments.stream().map(c -> c.author.id).distinct().toList());
        return new CommentResponse.Many(
                comments.stream().map(c -> CommentResponse.View.of(c, followed.contains(c.author.id))).toList(),
                nextCursor);
    }

    /** One statement: the comment, inserted on the article the slug names, answered with its author. */
    public CommentResponse.View add(long userId, String slug, CommentRequests.NewComment request) {
        OffsetDateTime now = Instant.now().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
        Added added;
        try {
            added = jdbc.query(Comment.ADD, List.of(userId, request.body(), now, now, slug), rows -> rows.next()
                    ? new Added(new CommentResponse.View(rows.getLong(1), now.toInstant(), now.toInstant(), rows.getString(2),
                            new Profile(rows.getString(3), rows.getString(4), rows.getString(5), false)), rows.getLong(6))
                    : null);
        } catch (PersistenceException e) {
            if ("comments_author_id_fkey".equals(Jdbc.violatedConstraint(e))) {
                throw new UnauthorizedException(); // the token's user no longer exists
            }
            throw e;
        }
        if (added == null) {
            throw ApiException.notFound("article");
        }
        CommentResponse.View comment = added.view();
        events.posted(slug, added.articleId(), userId, comment);
        posted.increment();
        changed.fire(Changed.of(Topic.commentsOn(slug)));
        return comment;
    }

    public void delete(long userId, String slug, long commentId) {
        Article article = articles.find(slug);
        Comment comment = Comment.findOn(article, commentId).orElseThrow(() -> ApiException.notFound("comment"));
        if (!comment.author.id.equals(userId)) {
            throw ApiException.forbidden("comment", "only the author may delete this comment");
        }
        events.deleted(comment);
        comment.delete();
        changed.fire(Changed.of(Topic.commentsOn(article.slug)));
    }

    /** A new comment's answer, and the article it went on (for its event). */
    private record Added(CommentResponse.View view, long articleId) {
    }
}
