package io.inkwell.profile;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One user following another. Writes are idempotent: the primary key absorbs repeats and races. */
@Entity
@Table(name = "follows")
@IdClass(Follow.Key.class)
public class Follow extends PanacheEntityBase {

    @Id
    @Column(name = "follower_id")
    public Long followerId;

    @Id
    @Column(name = "followed_id")
    public Long followedId;

    /** A user by name (case-insensitive) and whether the viewer (?1; -1 for nobody) follows them. */
    static final String PROFILE = """
            SELECT u.id, u.username, u.bio, u.image,
                   EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = ? AND f.followed_id = u.id)
            FROM users u WHERE lower(u.username) = lower(?)""";

    /**
     * Follows a user by name and answers them, and (last column) whether the follow is new; following
     * oneself writes nothing (the caller refuses it).
     */
    static final String ADD = """
            WITH target AS (SELECT id, username, bio, image FROM users WHERE lower(username) = lower(?)),
                 added AS (INSERT INTO follows (follower_id, followed_id)
                           SELECT ?, id FROM target WHERE id <> ? ON CONFLICT DO NOTHING RETURNING followed_id)
            SELECT id, username, bio, image, true, EXISTS (SELECT 1 FROM added) FROM target""";

    static final String REMOVE = """
            WITH target AS (SELECT id, username, bio, image FROM users WHERE lower(username) = lower(?)),
                 removed AS (DELETE FROM follows WHERE follower_id = ? AND followed_id IN (SELECT id FROM target))
            SELECT id, username, bio, image, false FROM target""";

    public static boolean exists(long followerId, long followedId) {
        return count("followerId = ?1 and followedId = ?2", followerId, followedId) > 0;
    }

    /** Which of {@code candidates} the follower follows, in one query. */
    public static Set<Long> followedAmong(long followerId, Collection<Long> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        List<Long> followed = getEntityManager()
                .createQuery("select f.followedId from Follow f where f.followerId = ?1 and f.followedId in ?2", Long.class)
                .setParameter(1, followerId)
                .setParameter(2, candidates)
                .getResultList();
        return new HashSet<>(followed);
    }

    public static class Key implements Serializable {
        public Long followerId;
        public Long followedId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(followerId, key.followerId) && Objects.equals(followedId, key.followedId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(followerId, followedId);
        }
    }
}
