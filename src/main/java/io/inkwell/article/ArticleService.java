package io.inkwell.article;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import io.inkwell.common.change.Changed;
import io.inkwell.common.change.Topic;
import io.inkwell.common.error.ApiException;
import io.inkwell.tag.Tag;
import io.inkwell.user.User;

@ApplicationScoped
@Transactional
public class ArticleService {

    private final Slugs slugs;
    private final ArticleViews views;
    private final ArticleEvents events;
    private final Event<Changed> changed;

    ArticleService(Slugs slugs, ArticleViews views, ArticleEvents events, Event<Changed> changed) {
        this.slugs = slugs;
        this.views = views;
        this.events = events;
        this.changed = changed;
    }

    /** A page newest first (ties by id), and the number of all matches: five statements, whatever the page size. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ArticleResponse.Page list(ArticleFilter filter, Paging paging, Long viewerId) {
        String where = filter.where();
        TypedQuery<Long> count = Article.getEntityManager()
                .createQuery("select count(a) from Article a" + where, Long.class);
        TypedQuery<Article> page = Article.getEntityManager()
                .createQuery("from Article a join fetch a.author" + where + " order by a.createdAt desc, a.id desc",
                        Article.class)
                .setFirstResult(paging.offset())
                .setMaxResults(paging.limit());
        for (Map.Entry<String, Object> parameter : filter.parameters().entrySet()) {
            count.setParameter(parameter.getKey(), parameter.getValue());
            page.setParameter(parameter.getKey(), parameter.getValue());
        }
        long total = count.getSingleResult();
        List<Article> articles = total > paging.offset() ? page.getResultList() : List.of();
        return new ArticleResponse.Page(views.of(articles, viewerId, false), total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ArticleResponse.View get(String slug, Long viewerId) {
        return views.of(find(slug), viewerId);
    }

    public ArticleResponse.View create(long authorId, ArticleRequests.NewArticle request) {
        Article article = new Article();
        article.author = User.requireExisting(authorId);
        article.title = request.title();
        article.description = request.description();
        article.body = request.body();
        article.slug = slugs.uniqueFor(request.title());
        article.tags = tagsNamed(request.tagList());
        article.persist();
        events.published(article);
        changed.fire(Changed.of(withTags(tagNames(article), Topic.articleSet(), Topic.tagSet())));
        return views.of(article, authorId);
    }

    public ArticleResponse.View update(long userId, String slug, ArticleRequests.ArticleChanges changes) {
        Article article = findOwned(slug, userId);
        String oldSlug = article.slug;
        Set<String> oldTags = tagNames(article);
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
        if (changes.tagList() != null) {
            article.tags = tagsNamed(changes.tagList());
        }
        article.flush();
        Set<Topic> stale = new HashSet<>(List.of(Topic.article(oldSlug), Topic.article(article.slug)));
        if (!oldSlug.equals(article.slug)) {
            stale.add(Topic.commentsOn(oldSlug));
        }
        Set<String> newTags = tagNames(article);
        if (!newTags.equals(oldTags)) {
            stale.add(Topic.tagSet());
            oldTags.stream().filter(tag -> !newTags.contains(tag)).forEach(tag -> stale.add(Topic.tag(tag)));
            newTags.stream().filter(tag -> !oldTags.contains(tag)).forEach(tag -> stale.add(Topic.tag(tag)));
        }
        changed.fire(Changed.of(stale));
        return views.of(article, userId);
    }

    public void delete(long userId, String slug) {
        Article article = findOwned(slug, userId);
        Set<String> tags = tagNames(article);
        article.delete();
        changed.fire(Changed.of(withTags(tags, Topic.articleSet(), Topic.tagSet(), Topic.article(article.slug),
                Topic.commentsOn(article.slug))));
    }

    public ArticleResponse.View favorite(long userId, String slug) {
        Article article = find(slug);
        User.requireExisting(userId);
        if (Favorite.add(userId, article.id)) {
            events.favorited(userId, article.id);
        }
        changed.fire(Changed.of(Topic.article(article.slug), Topic.favoritesOf(userId)));
        return views.of(article, userId);
    }

    public ArticleResponse.View unfavorite(long userId, String slug) {
        Article article = find(slug);
        Favorite.remove(userId, article.id);
        changed.fire(Changed.of(Topic.article(article.slug), Topic.favoritesOf(userId)));
        return views.of(article, userId);
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

    private static Set<String> tagNames(Article article) {
        return article.tags.stream().map(tag -> tag.name).collect(Collectors.toSet());
    }

    private static Set<Topic> withTags(Set<String> tags, Topic... topics) {
        Set<Topic> all = new HashSet<>(List.of(topics));
        tags.forEach(tag -> all.add(Topic.tag(tag)));
        return all;
    }

    private static HashSet<Tag> tagsNamed(List<String> names) {
        if (names == null) {
            return new HashSet<>();
        }
        return new HashSet<>(Tag.resolve(names.stream().map(String::strip).distinct().toList()));
    }
}
