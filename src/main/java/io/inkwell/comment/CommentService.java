package io.inkwell.comment;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.inkwell.article.Article;
import io.inkwell.article.ArticleService;
import io.inkwell.common.change.Changed;
import io.inkwell.common.change.Topic;
import io.inkwell.common.error.ApiException;
import io.inkwell.profile.Follow;
import io.inkwell.user.User;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

@ApplicationScoped
@Transactional
public class CommentService {

    private final ArticleService articles;
    private final CommentEvents events;
    private final Counter posted;
    private final Event<Changed> changed;

    CommentService(ArticleService articles, CommentEvents events, MeterRegistry registry, Event<Changed> changed) {
        this.articles = articles;
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

    public CommentResponse.View add(long userId, String slug, CommentRequests.NewComment request) {
        Comment comment = new Comment();
        comment.article = articles.find(slug);
        comment.author = User.requireExisting(userId);
        comment.body = request.body();
        comment.persist();
        events.posted(comment);
        posted.increment();
        changed.fire(Changed.of(Topic.commentsOn(comment.article.slug)));
        return CommentResponse.View.of(comment, false);
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
}
