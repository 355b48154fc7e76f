package io.inkwell.article;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.profile.Following;
import io.inkwell.profile.ProfileResponse.Profile;

/**
 * Adds one viewer's {@code favorited} and {@code author.following} to articles read from the shared
 * cache (where both are false): two small queries, whatever the number of articles. Never taken
 * from, or stored for, another reader.
 */
@ApplicationScoped
class ViewerMarks {

    private final Following following;

    ViewerMarks(Following following) {
        this.following = following;
    }

    ArticleResponse.Page apply(ArticleResponse.Page page, long viewerId) {
        return new ArticleResponse.Page(apply(page.articles(), viewerId), page.articlesCount());
    }

    ArticleResponse.View apply(ArticleResponse.View article, long viewerId) {
        return apply(List.of(article), viewerId).get(0);
    }

    private List<ArticleResponse.View> apply(List<ArticleResponse.View> articles, long viewerId) {
        if (articles.isEmpty()) {
            return articles;
        }
        Set<String> favorited = favoritedAmong(viewerId, articles.stream().map(ArticleResponse.View::slug).toList());
        Set<String> followed = following.among(viewerId, articles.stream().map(a -> a.author().username()).toList());
        return articles.stream().map(a -> new ArticleResponse.View(a.slug(), a.title(), a.description(), a.body(),
                a.tagList(), a.createdAt(), a.updatedAt(), favorited.contains(a.slug()), a.favoritesCount(),
                new Profile(a.author().username(), a.author().bio(), a.author().image(),
                        followed.contains(a.author().username())))).toList();
    }

    private static Set<String> favoritedAmong(long viewerId, Collection<String> slugs) {
        return new HashSet<>(Favorite.getEntityManager().createQuery("""
                select a.slug from Favorite f, Article a
                where f.userId = :viewer and f.articleId = a.id and a.slug in :slugs""", String.class)
                .setParameter("viewer", viewerId)
                .setParameter("slugs", slugs)
                .getResultList());
    }
}
