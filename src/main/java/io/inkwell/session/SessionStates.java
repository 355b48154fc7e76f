package io.inkwell.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.inkwell.common.cache.CacheRegion;
import io.inkwell.common.cache.Fresh;
import io.inkwell.common.cache.SharedCache;
import io.inkwell.common.change.Topic;
import io.inkwell.common.security.TokenService;
import io.inkwell.config.InkwellConfig;
import io.inkwell.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Whether a validly signed token may still be used: its session is live, or, for a token issued
 * before sessions existed, its user still exists. Answered from Redis (entries invalidated the
 * moment a session ends), from PostgreSQL when Redis has no entry or is away: a flushed Redis can
 * neither revive an ended session nor end a live one.
 */
@ApplicationScoped
@RegisterForReflection(targets = SessionStates.State.class)
class SessionStates {

    /** What the check needs of a session; {@link #UNKNOWN} for none. */
    record State(long userId, Instant expiresAt, boolean ended) {
        static final State UNKNOWN = new State(0, Instant.EPOCH, true);
    }

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final SharedCache cache;
    private final CacheRegion sessions;
    private final CacheRegion accounts;

    SessionStates(SharedCache cache, InkwellConfig config) {
        this.cache = cache;
        Duration ttl = config.session().checkTtl();
        this.sessions = new CacheRegion("session", ttl, true); // not the content cache: inkwell.cache.enabled leaves it on
        this.accounts = new CacheRegion("account", ttl, true);
    }

    boolean accepts(JsonWebToken jwt) {
        long userId;
        try {
            userId = Long.parseLong(jwt.getSubject());
        } catch (NumberFormatException e) {
            return false;
        }
        Object claim = jwt.getClaim(TokenService.SESSION_CLAIM);
        if (claim == null) { // issued before sessions: valid until it expires, if its user still exists
            return cache.get(accounts, Long.toString(userId), Boolean.class,
                    () -> Fresh.of(QuarkusTransaction.requiringNew().call(() -> User.count("id", userId) > 0), List.of()));
        }
        Optional<UUID> id = sessionOf(jwt);
        if (id.isEmpty()) {
            return false;
        }
        State state = cache.get(sessions, id.get().toString(), State.class,
                () -> Fresh.of(load(id.get()), List.of(Topic.session(id.get()))));
        return state.userId() == userId && !state.ended() && state.expiresAt().isAfter(Instant.now());
    }

    /** Reads the session, and notes it was used (at most once a minute: the sessions list shows it). */
    private static State load(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            Session.update("lastUsedAt = ?1 where id = ?2 and endedAt is null and lastUsedAt < ?3",
                    now, id, now.minus(TOUCH_EVERY));
            Session session = Session.findById(id);
            return session == null ? State.UNKNOWN : new State(session.userId, session.expiresAt, session.endedAt != null);
        });
    }

    /** The token's session, if it names one properly. */
    static Optional<UUID> sessionOf(JsonWebToken jwt) {
        Object claim = jwt.getClaim(TokenService.SESSION_CLAIM);
        String value = claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : null;
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
