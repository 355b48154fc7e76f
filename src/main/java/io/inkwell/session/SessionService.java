package io.inkwell.session;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.inkwell.common.change.Changed;
import io.inkwell.common.change.Topic;
import io.inkwell.common.error.ApiException;
import io.inkwell.common.security.Sessions;
import io.inkwell.common.security.TokenService;
import io.inkwell.config.InkwellConfig;
import io.inkwell.user.PasswordChanged;
import io.inkwell.user.User;

/**
 * Sessions in PostgreSQL, the durable truth: started at login, rotated by refresh, ended by the
 * user or by theft detection. Every end is announced ({@link Changed}), so the per-request check
 * stops accepting the session's tokens on every replica at once.
 */
@ApplicationScoped
@Transactional
public class SessionService implements Sessions {

    private final TokenService tokens;
    private final SessionStates states;
    private final CurrentSession current;
    private final Event<Changed> changed;
    private final InkwellConfig.Session config;
    // Made with the bean at run time: a SecureRandom in a static field would be seeded once, at
    // native-image build time, and baked into every binary.
    private final SecureRandom random = new SecureRandom();

    SessionService(TokenService tokens, SessionStates states, CurrentSession current, Event<Changed> changed, InkwellConfig config) {
        this.tokens = tokens;
        this.states = states;
        this.current = current;
        this.changed = changed;
        this.config = config.session();
    }

    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED) // the check reads in a transaction of its own, if at all
    public boolean accepts(JsonWebToken token) {
        return states.accepts(token);
    }

    /** What a refresh gave: the user and new tokens, or nothing (unknown, used, ended or expired token). */
    public record Refreshed(User user, Tokens tokens) {
    }

    @Override
    public Tokens start(long userId, String username) {
        Instant now = now();
        Session.deleteDead(userId, now);
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.userId = userId;
        session.userAgent = current.userAgent();
        session.createdAt = now;
        session.lastUsedAt = now;
        session.expiresAt = now.plus(config.refreshLifespan());
        session.persist();
        String refreshToken = RefreshToken.issue(random, session.id, now);
        List<Session> live = Session.listLive(userId, now);
        changed.fire(end(live.subList(Math.min(live.size(), config.maxPerUser()), live.size()), now));
        return new Tokens(tokens.issue(userId, username, session.id.toString()), refreshToken);
    }

    /**
     * Trades a refresh token for new tokens; the presented one stops working. A token presented a
     * second time means two parties hold it: the whole session ends, and this transaction commits that
     * although the caller answers 401.
     */
    public Optional<Refreshed> refresh(String presented) {
        Instant now = now();
        Optional<RefreshToken> token = RefreshToken.findByToken(presented);
        Session session = token.map(t -> Session.<Session>findById(t.sessionId)).orElse(null);
        if (session == null || !session.isLive(now)) {
            return Optional.empty();
        }
        if (token.get().usedAt != null || !token.get().markUsed(now)) {
            changed.fire(end(List.of(session), now));
            return Optional.empty();
        }
        session.lastUsedAt = now;
        session.expiresAt = now.plus(config.refreshLifespan());
        User user = User.findById(session.userId);
        String next = RefreshToken.issue(random, session.id, now);
        return Optional.of(new Refreshed(user, new Tokens(tokens.issue(user.id, user.username, session.id.toString()), next)));
    }

    /** The caller's live sessions, most recently used first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SessionResponse.View> list(long userId) {
        Optional<UUID> mine = current.id();
        return Session.listLive(userId, now()).stream()
                .map(s -> SessionResponse.View.of(s, mine.filter(s.id::equals).isPresent())).toList();
    }

    /** Ends one of the caller's live sessions; anything else is unknown to them. */
    public void end(long userId, UUID id) {
        Instant now = now();
        Session session = Session.findLive(id, userId, now).orElseThrow(() -> ApiException.notFound("session"));
        changed.fire(end(List.of(session), now));
    }

    /** Ends every live session of the user but the one of the current request. */
    public void endOthers(long userId) {
        Instant now = now();
        Optional<UUID> mine = current.id();
        List<Session> others = Session.listLive(userId, now).stream().filter(s -> mine.filter(s.id::equals).isEmpty()).toList();
        changed.fire(end(others, now));
    }

    /** Logout: the current request's session, if its token has one (older tokens just expire). */
    public void endCurrent(long userId) {
        Instant now = now();
        current.id().flatMap(id -> Session.findLive(id, userId, now))
                .ifPresent(session -> changed.fire(end(List.of(session), now)));
    }

    void onPasswordChanged(@Observes PasswordChanged change) {
        endOthers(change.userId());
    }

    private static Changed end(List<Session> sessions, Instant now) {
        Set<Topic> ended = new HashSet<>();
        for (Session session : sessions) {
            session.endedAt = now;
            ended.add(Topic.session(session.id));
        }
        return Changed.of(ended);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
