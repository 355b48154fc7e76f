package io.inkwell.comment;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.inkwell.article.Article;
import io.inkwell.article.ArticleService;
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

    CommentService(ArticleService articles, CommentEvents events, MeterRegistry registry) {
        this.articles = articles;
        this.events = events;
        this.posted = Counter.builder("inkwell.comments.posted").description("Comments posted").register(registry);
    }

    /** Three statements however many comments: the article, the comments with authors, and follows. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CommentResponse.View> list(String slug, Long viewerId) {
        List<Comment> comments = Comment.listFor(articles.find(slug));
        Set<Long> followed = viewerId == null
                ? Set.of()
                : Follow.followedAmong(viewerId, comments.stream().map(c -> c.author.id).distinct().toList());
        return comments.stream().map(c -> CommentResponse.View.of(c, followed.contains(c.author.id))).toList();
    }

    public CommentResponse.View add(long userId, String slug, CommentRequests.NewComment request) {
        Comment comment = new Comment();
        comment.article = articles.find(slug);
        comment.author = User.requireExisting(userId);
        comment.body = request.body();
        comment.persist();
        events.posted(comment);
        posted.increment();
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
    }
}
