package io.inkwell.profile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.common.cache.CacheRegion;
import io.inkwell.common.cache.Fresh;
import io.inkwell.common.cache.SharedCache;
import io.inkwell.common.change.Topic;
import io.inkwell.config.InkwellConfig;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Profiles through the shared cache; {@code following} is the viewer's own, asked per request. */
@ApplicationScoped
@RegisterForReflection(targets = ProfileResponse.Profile.class)
public class ProfileReads {

    private final ProfileService profiles;
    private final SharedCache cache;
    private final Following following;
    private final CacheRegion region;

    ProfileReads(ProfileService profiles, SharedCache cache, Following following, InkwellConfig config) {
        this.profiles = profiles;
        this.cache = cache;
        this.following = following;
        this.region = new CacheRegion("profile", config.cache().ttl(), config.cache().enabled());
    }

    public ProfileResponse.Profile get(String username, Optional<Long> viewerId) {
        ProfileResponse.Profile profile = cache.get(region, username.toLowerCase(Locale.ROOT),
                ProfileResponse.Profile.class, () -> {
                    ProfileResponse.Profile loaded = profiles.get(username, Optional.empty());
                    return Fresh.of(loaded, List.of(Topic.user(username), Topic.user(loaded.username())));
                });
        if (viewerId.isEmpty()) {
            return profile;
        }
        boolean follows = !following.among(viewerId.get(), List.of(profile.username())).isEmpty();
        return new ProfileResponse.Profile(profile.username(), profile.bio(), profile.image(), follows);
    }
}
