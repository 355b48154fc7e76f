package io.inkwell.article;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A user's favorite; the primary key makes repeats and races harmless. Each article's count is kept
 * in article_stats by a trigger in the transaction that writes the favorites (V22), so it cannot drift
 * from them. Each row also carries its article's creation time (V20), the order of the favorites list.
 */
@Entity
@Table(name = "favorites")
@IdClass(Favorite.Key.class)
public class Favorite extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public Long userId;

    @Id
    @Column(name = "article_id")
    public Long articleId;

    /**
     * Favorites an article by slug, answering the article's id when the favorite is new; nothing
     * happens (and no row comes back) when it is favorited already or does not exist.
     */
    static final String ADD = """
            INSERT INTO favorites (user_id, article_id, article_created_at)
            SELECT ?, id, created_at FROM articles WHERE slug = ?
            ON CONFLICT DO NOTHING
            RETURNING article_id""";

    static final String REMOVE = "DELETE FROM favorites WHERE user_id = ? AND article_id = (SELECT id FROM articles WHERE slug = ?)";

    public static class Key implements Serializable {
        public Long userId;
        public Long articleId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(userId, key.userId) && Objects.equals(articleId, key.articleId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, articleId);
        }
    }
}
