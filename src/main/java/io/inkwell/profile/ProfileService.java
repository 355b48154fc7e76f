package io.inkwell.profile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.inkwell.common.change.Changed;
import io.inkwell.common.change.Topic;
import io.inkwell.common.error.ApiException;
import io.inkwell.common.persistence.Jdbc;
import io.inkwell.event.Outbox;
import io.inkwell.user.Usernames;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.JsonObject;

/** Each operation is one statement (see {@link Follow}): the profile and the follow write together. */
@ApplicationScoped
@Transactional
public class ProfileService {

    /** {@code {"followerId", "followedId"}}: written only when the follow is new. */
    public static final String FOLLOWED = "profile.followed";

    private final Jdbc jdbc;
    private final Outbox outbox;
    private final Event<Changed> changed;

    ProfileService(Jdbc jdbc, Outbox outbox, Event<Changed> changed) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.changed = changed;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProfileResponse.Profile get(String username, Optional<Long> viewerId) {
        Target target = jdbc.query(Follow.PROFILE, List.of(viewerId.orElse(-1L), Usernames.normalize(username)), ProfileService::target);
        return found(target).profile(target.following);
    }

    public ProfileResponse.Profile follow(long followerId, String username) {
        Followed followed;
        try {
            followed = jdbc.query(Follow.ADD, List.of(Usernames.normalize(username), followerId, followerId), ProfileService::followed);
        } catch (PersistenceException e) {
            if ("follows_follower_id_fkey".equals(Jdbc.violatedConstraint(e))) {
                throw new UnauthorizedException(); // the token's user no longer exists
            }
            throw e;
        }
        Target target = found(followed == null ? null : followed.target());
        if (target.id == followerId) {
            throw ApiException.unprocessable("username", "you cannot follow yourself");
        }
        if (followed.isNew()) {
            outbox.write(FOLLOWED, new JsonObject().put("followerId", followerId).put("followedId", target.id));
        }
        changed.fire(Changed.of(Topic.followsOf(followerId)));
        return target.profile(true);
    }

    public ProfileResponse.Profile unfollow(long followerId, String username) {
        Target target = found(jdbc.query(Follow.REMOVE, List.of(Usernames.normalize(username), followerId), ProfileService::target));
        changed.fire(Changed.of(Topic.followsOf(followerId)));
        return target.profile(false);
    }

    /** The user a profile operation named, as the statements of {@link Follow} answer. */
    private record Target(long id, String username, String bio, String image, boolean following) {

        ProfileResponse.Profile profile(boolean following) {
            return new ProfileResponse.Profile(username, bio, image, following);
        }
    }

    private static Target target(ResultSet rows) throws SQLException {
        return rows.next()
                ? new Target(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getBoolean(5))
                : null;
    }

    /** Whom a follow named, and whether the follow is new. */
    private record Followed(Target target, boolean isNew) {
    }

    private static Followed followed(ResultSet rows) throws SQLException {
        Target target = target(rows);
        return target == null ? null : new Followed(target, rows.getBoolean(6));
    }

    private static Target found(Target target) {
        if (target == null) {
            throw ApiException.notFound("profile");
        }
        return target;
    }
}
