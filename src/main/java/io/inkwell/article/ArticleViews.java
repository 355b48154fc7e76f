package io.inkwell.article;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.profile.Follow;
import io.inkwell.profile.ProfileResponse.Profile;

/**
 * Builds what readers see of a list of articles (authors already fetched) with three queries,
 * however long the list: tags, favorites and follows, each for all the articles at once.
 */
@ApplicationScoped
class ArticleViews {

    List<ArticleResponse.View> of(List<Article> articles, Long viewerId, boolean withBody) {
        List<Long> ids = articles.stream().map(a -> a.id).toList();
        Map<Long, List<String>> tags = tagsOf(ids);
        Map<Long, Favorite.Stats> favorites = Favorite.statsFor(ids, viewerId);
        Set<Long> followed = viewerId == null
                ? Set.of()
                : Follow.followedAmong(viewerId, articles.stream().map(a -> a.author.id).distinct().toList());

        List<ArticleResponse.View> views = new ArrayList<>(articles.size());
        for (Article article : articles) {
            Favorite.Stats stats = favorites.getOrDefault(article.id, Favorite.Stats.NONE);
            views.add(new ArticleResponse.View(
                    article.slug,
                    article.title,
                    article.description,
                    withBody ? article.body : null,
                    tags.getOrDefault(article.id, List.of()),
                    article.createdAt,
                    article.updatedAt,
                    stats.byViewer(),
                    stats.count(),
                    Profile.of(article.author, followed.contains(article.author.id))));
        }
        return views;
    }

    ArticleResponse.View of(Article article, Long viewerId) {
        return of(List.of(article), viewerId, true).get(0);
    }

    private static Map<Long, List<String>> tagsOf(List<Long> articleIds) {
        Map<Long, List<String>> tags = new HashMap<>();
        if (articleIds.isEmpty()) {
            return tags;
        }
        List<Object[]> rows = Article.getEntityManager().createQuery(
                "select a.id, t.name from Article a join a.tags t where a.id in :ids order by t.name", Object[].class)
                .setParameter("ids", articleIds)
                .getResultList();
        for (Object[] row : rows) {
            tags.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((String) row[1]);
        }
        return tags;
    }
}
