package io.inkwell.article;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.inkwell.common.error.ApiException;
import io.inkwell.common.persistence.Jdbc;
import io.inkwell.user.User;
import io.quarkus.security.UnauthorizedException;

@ApplicationScoped
@Transactional
public class ArticleService {

    private final Slugs slugs;
    private final ArticleEvents events;
    private final Jdbc jdbc;
    private final LargeCounts largeCounts;

    ArticleService(Slugs slugs, ArticleEvents events, Jdbc jdbc, LargeCounts largeCounts) {
        this.slugs = slugs;
        this.events = events;
        this.jdbc = jdbc;
        this.largeCounts = largeCounts;
    }

    /**
     * A page newest first (ties by id) and the number of all matches: one statement, whatever the page
     * size, and a second one now and then for totals over {@link ArticleSql#EXACT_COUNT_LIMIT}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ArticleResponse.Page list(ArticleFilter filter, Paging paging, Long viewerId) {
        ArticleSql.Statement statement = ArticleSql.list(filter, viewerId, paging.limit(), paging.offset(), paging.cursor());
        ArticleResponse.Page page = jdbc.query(statement.sql(), statement.parameters(), rows -> ArticleViews.page(rows, paging.limit()));
        if (page.articlesCount() > ArticleSql.EXACT_COUNT_LIMIT && !filter.isEverything() && !filter.isTagOnly()) {
            return new ArticleResponse.Page(page.articles(), largeCounts.total(filter), page.nextCursor());
        }
        return page;
    }

    /** One statement: the article with its author, tags, favorites and the viewer's flags. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ArticleResponse.View get(String slug, Long viewerId) {
        ArticleSql.Statement article = ArticleSql.article(slug, viewerId);
        ArticleResponse.View view = jdbc.query(article.sql(), article.parameters(), ArticleViews::single);
        if (view == null) {
            throw ApiException.notFound("article");
        }
        return view;
    }

    public ArticleResponse.View create(long authorId, ArticleRequests.NewArticle request) {
        Article article = new Article();
        article.author = User.requireExisting(authorId);
        article.title = request.title();
        article.description = request.description();
        article.body = request.body();
        article.slug = slugs.uniqueFor(request.title());
        article.persist();
        ArticleTags.link(article, namesOf(request.tagList()));
        events.published();
        return get(article.slug, authorId);
    }

    public ArticleResponse.View update(long userId, String slug, ArticleRequests.ArticleChanges changes) {
        Article article = findOwned(slug, userId);
        if (changes.title() != null && !changes.title().equals(article.title)) {
            if (!slugs.fits(article.slug, changes.title())) {
                article.slug = slugs.uniqueFor(changes.title());
            }
            article.title = changes.title();
        }
        if (changes.description() != null) {
            article.description = changes.description();
        }
        if (changes.body() != null) {
            article.body = changes.body();
        }
        article.flush();
        if (changes.tagList() != null) {
            ArticleTags.replace(article, namesOf(changes.tagList()));
        }
        return get(article.slug, userId);
    }

    public void delete(long userId, String slug) {
        findOwned(slug, userId).delete();
    }

    /** Two statements: the favorite (the database's keys make it idempotent and check the user), then the view. */
    public ArticleResponse.View favorite(long userId, String slug) {
        try {
            jdbc.update(Favorite.ADD, userId, slug);
        } catch (PersistenceException e) {
            if ("favorites_user_id_fkey".equals(Jdbc.violatedConstraint(e))) {
                throw new UnauthorizedException(); // the token's user no longer exists
            }
            throw e;
        }
        return get(slug, userId);
    }

    public ArticleResponse.View unfavorite(long userId, String slug) {
        jdbc.update(Favorite.REMOVE, userId, slug);
        return get(slug, userId);
    }

    /** The article for the comment endpoints, which answer 404 for an unknown slug like these do. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Article find(String slug) {
        return Article.findBySlug(slug).orElseThrow(() -> ApiException.notFound("article"));
    }

    private Article findOwned(String slug, long userId) {
        Article article = find(slug);
        if (!article.isAuthoredBy(userId)) {
            throw ApiException.forbidden("article", "only the author may change or delete this article");
        }
        return article;
    }

    private static List<String> namesOf(List<String> tagList) {
        return tagList == null ? List.of() : tagList.stream().map(String::strip).distinct().sorted().toList();
    }
}
