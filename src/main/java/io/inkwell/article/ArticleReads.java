package io.inkwell.article;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.common.cache.CacheRegion;
import io.inkwell.common.cache.Fresh;
import io.inkwell.common.cache.SharedCache;
import io.inkwell.common.change.Topic;
import io.inkwell.common.redis.RedisKeys;
import io.inkwell.config.InkwellConfig;
import io.inkwell.profile.ProfileResponse;
import io.inkwell.user.User;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Article reads through the shared cache: single articles and every list but the feed are cached
 * as an anonymous reader sees them, then marked for the viewer ({@link ViewerMarks}). Each entry
 * names the topics it shows, so exactly the writes that change it invalidate it.
 */
@ApplicationScoped
@RegisterForReflection(targets = { ArticleResponse.View.class, ArticleResponse.Page.class,
        ProfileResponse.Profile.class }) // read back from Redis with Jackson
public class ArticleReads {

    private final ArticleService articles;
    private final SharedCache cache;
    private final ViewerMarks marks;
    private final CacheRegion singles;
    private final CacheRegion lists;

    ArticleReads(ArticleService articles, SharedCache cache, ViewerMarks marks, InkwellConfig config) {
        this.articles = articles;
        this.cache = cache;
        this.marks = marks;
        this.singles = new CacheRegion("article", config.cache().ttl(), config.cache().enabled());
        this.lists = new CacheRegion("article-list", config.cache().ttl(), config.cache().enabled());
    }

    public ArticleResponse.Page list(ArticleFilter filter, Paging paging, Long viewerId) {
        if (filter.feedOf() != null) {
            return articles.list(filter, paging, viewerId); // one reader's own list: nothing to share
        }
        ArticleResponse.Page page = cache.get(lists, listId(filter, paging), ArticleResponse.Page.class,
                () -> loadList(filter, paging));
        return viewerId == null ? page : marks.apply(page, viewerId);
    }

    public ArticleResponse.View get(String slug, Long viewerId) {
        ArticleResponse.View article = cache.get(singles, slug, ArticleResponse.View.class, () -> {
            ArticleResponse.View loaded = articles.get(slug, null);
            return Fresh.of(loaded, List.of(Topic.article(slug), Topic.user(loaded.author().username())));
        });
        return viewerId == null ? article : marks.apply(article, viewerId);
    }

    private Fresh<ArticleResponse.Page> loadList(ArticleFilter filter, Paging paging) {
        ArticleResponse.Page page = articles.list(filter, paging, null);
        Set<Topic> topics = new HashSet<>();
        topics.add(Topic.articleSet());
        if (filter.tag() != null) {
            topics.add(Topic.tag(filter.tag()));
        }
        if (filter.author() != null) {
            topics.add(Topic.user(filter.author()));
        }
        if (filter.favoritedBy() != null) {
            topics.add(Topic.user(filter.favoritedBy()));
            User.findByUsername(filter.favoritedBy()).ifPresent(fan -> topics.add(Topic.favoritesOf(fan.id)));
        }
        for (ArticleResponse.View article : page.articles()) {
            topics.add(Topic.article(article.slug()));
            topics.add(Topic.user(article.author().username()));
        }
        return Fresh.of(page, topics);
    }

    /** Author and fan names match whatever their case, so their case does not make another entry. */
    private static String listId(ArticleFilter filter, Paging paging) {
        return RedisKeys.digest(part(filter.tag()), part(lower(filter.author())), part(lower(filter.favoritedBy())),
                Integer.toString(paging.limit()), Integer.toString(paging.offset()));
    }

    private static String part(String value) {
        return value == null ? "-" : "=" + value;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
