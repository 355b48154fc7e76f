package io.inkwell.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One signed-in device or client of a user, from login (or registration) to its end. */
@Entity
@Table(name = "sessions")
public class Session extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    public Instant lastUsedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    boolean isLive(Instant now) {
        return endedAt == null && expiresAt.isAfter(now);
    }

    /** A live session of this user, or nothing: another user's session is as good as unknown. */
    static Optional<Session> findLive(UUID id, long userId, Instant now) {
        return find("id = ?1 and userId = ?2 and endedAt is null and expiresAt > ?3", id, userId, now).firstResultOptional();
    }

    /** Most recently used first. */
    static List<Session> listLive(long userId, Instant now) {
        return list("userId = ?1 and endedAt is null and expiresAt > ?2 order by lastUsedAt desc, id", userId, now);
    }

    /** Sessions that can never be used again: nothing refers to them any more. */
    static void deleteDead(long userId, Instant now) {
        delete("userId = ?1 and (endedAt is not null or expiresAt <= ?2)", userId, now);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Session session && id != null && id.equals(session.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
