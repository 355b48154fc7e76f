package io.inkwell.profile;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.inkwell.common.change.Changed;
import io.inkwell.common.change.Topic;
import io.inkwell.common.error.ApiException;
import io.inkwell.event.Outbox;
import io.inkwell.user.User;
import io.vertx.core.json.JsonObject;

@ApplicationScoped
@Transactional
public class ProfileService {

    /** {@code {"followerId", "followedId"}}: written only when the follow is new. */
    public static final String FOLLOWED = "profile.followed";

    private final Outbox outbox;
    private final Event<Changed> changed;

    ProfileService(Outbox outbox, Event<Changed> changed) {
        this.outbox = outbox;
        this.changed = changed;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProfileResponse.Profile get(String username, Optional<Long> viewerId) {
        User user = find(username);
        boolean following = viewerId.map(viewer -> Follow.exists(viewer, user.id)).orElse(false);
        return ProfileResponse.Profile.of(user, following);
    }

    public ProfileResponse.Profile follow(long followerId, String username) {
        User followed = find(username);
        if (followed.id == followerId) {
            throw ApiException.unprocessable("username", "you cannot follow yourself");
        }
        User.requireExisting(followerId);
        if (Follow.add(followerId, followed.id)) {
            outbox.write(FOLLOWED, new JsonObject().put("followerId", followerId).put("followedId", followed.id));
        }
        changed.fire(Changed.of(Topic.followsOf(followerId)));
        return ProfileResponse.Profile.of(followed, true);
    }

    public ProfileResponse.Profile unfollow(long followerId, String username) {
        User followed = find(username);
        Follow.remove(followerId, followed.id);
        changed.fire(Changed.of(Topic.followsOf(followerId)));
        return ProfileResponse.Profile.of(followed, false);
    }

    private static User find(String username) {
        return User.findByUsername(username).orElseThrow(() -> ApiException.notFound("profile"));
    }
}
