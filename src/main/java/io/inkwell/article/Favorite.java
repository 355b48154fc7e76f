package io.inkwell.article;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A user's favorite. Counts are derived from these rows rather than kept in a counter column, so
 * they can neither drift nor go negative; the primary key makes repeats and races harmless.
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

    /** How often each article is favorited, and whether by the viewer. */
    public record Stats(long count, boolean byViewer) {
        static final Stats NONE = new Stats(0, false);
    }

    /** @return whether the favorite is new */
    static boolean add(long userId, long articleId) {
        return getEntityManager()
                .createNativeQuery("INSERT INTO favorites (user_id, article_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, userId)
                .setParameter(2, articleId)
                .executeUpdate() > 0;
    }

    static void remove(long userId, long articleId) {
        delete("userId = ?1 and articleId = ?2", userId, articleId);
    }

    /** One query for a whole page of articles. */
    static Map<Long, Stats> statsFor(Collection<Long> articleIds, Long viewerId) {
        Map<Long, Stats> stats = new HashMap<>();
        if (articleIds.isEmpty()) {
            return stats;
        }
        List<Object[]> rows = getEntityManager().createQuery("""
                select f.articleId, count(f), sum(case when f.userId = :viewer then 1 else 0 end)
                from Favorite f where f.articleId in :ids group by f.articleId""", Object[].class)
                .setParameter("viewer", viewerId == null ? -1L : viewerId)
                .setParameter("ids", articleIds)
                .getResultList();
        for (Object[] row : rows) {
            stats.put((Long) row[0], new Stats((Long) row[1], ((Number) row[2]).longValue() > 0));
        }
        return stats;
    }

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
