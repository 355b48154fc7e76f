package io.inkwell.article;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.inkwell.common.change.Changed;
import io.inkwell.common.change.Topic;
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
    private final Event<Changed> changed;

    ArticleService(Slugs slugs, ArticleEvents events, Jdbc jdbc, LargeCounts largeCounts, Event<Changed> changed) {
        this.slugs = slugs;
        this.events = events;
        this.jdbc = jdbc;
        this.largeCounts = largeCounts;
        this.changed = changed;
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
        List<String> tags = namesOf(request.tagList());
        ArticleTags.link(article, tags);
        events.published(article);
        changed.fire(Changed.of(withTags(tags, Topic.articleSet(), Topic.tagSet())));
        return get(article.slug, authorId);
    }

    public ArticleResponse.View update(long userId, String slug, ArticleRequests.ArticleChanges changes) {
        Article article = findOwned(slug, userId);
        String oldSlug = article.slug;
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
        Set<Topic> stale = new HashSet<>(List.of(Topic.article(oldSlug), Topic.article(article.slug)));
        if (!oldSlug.equals(article.slug)) {
            stale.add(Topic.commentsOn(oldSlug));
        }
        if (changes.tagList() != null) {
            staleTags(article, namesOf(changes.tagList()), stale);
        }
        changed.fire(Changed.of(stale));
        return get(article.slug, userId);
    }

    public void delete(long userId, String slug) {
        Article article = findOwned(slug, userId);
        List<String> tags = ArticleTags.namesOf(article);
        article.delete();
        changed.fire(Changed.of(withTags(tags, Topic.articleSet(), Topic.tagSet(), Topic.article(article.slug),
                Topic.commentsOn(article.slug))));
    }

    /**
     * Two statements: the favorite (the database's keys make it idempotent and check the user), then the
     * view. Only a new favorite is announced.
     */
    public ArticleResponse.View favorite(long userId, String slug) {
        Long added;
        try {
            added = jdbc.query(Favorite.ADD, List.of(userId, slug), rows -> rows.next() ? rows.getLong(1) : null);
        } catch (PersistenceException e) {
            if ("favorites_user_id_fkey".equals(Jdbc.violatedConstraint(e))) {
                throw new UnauthorizedException(); // the token's user no longer exists
            }
            throw e;
        }
        if (added != null) {
            events.favorited(userId, added);
        }
        changed.fire(Changed.of(Topic.article(slug), Topic.favoritesOf(userId)));
        return get(slug, userId);
    }

    public ArticleResponse.View unfavorite(long userId, String slug) {
        jdbc.update(Favorite.REMOVE, userId, slug);
        changed.fire(Changed.of(Topic.article(slug), Topic.favoritesOf(userId)));
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

    /** Replaces the article's tags; only tags added or removed (and the tag set, if any) become stale. */
    private static void staleTags(Article article, List<String> newTags, Set<Topic> stale) {
        List<String> oldTags = ArticleTags.namesOf(article);
        ArticleTags.replace(article, newTags);
        if (!new HashSet<>(newTags).equals(new HashSet<>(oldTags))) {
            stale.add(Topic.tagSet());
            oldTags.stream().filter(tag -> !newTags.contains(tag)).forEach(tag -> stale.add(Topic.tag(tag)));
            newTags.stream().filter(tag -> !oldTags.contains(tag)).forEach(tag -> stale.add(Topic.tag(tag)));
        }
    }

    private static Set<Topic> withTags(List<String> tags, Topic... topics) {
        Set<Topic> all = new HashSet<>(List.of(topics));
        tags.forEach(tag -> all.add(Topic.tag(tag)));
        return all;
    }

    private static List<String> namesOf(List<String> tagList) {
        return tagList == null ? List.of() : tagList.stream().map(String::strip).distinct().sorted().toList();
    }
}
