package io.inkwell.comment;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.common.cache.CacheRegion;
import io.inkwell.common.cache.Fresh;
import io.inkwell.common.cache.SharedCache;
import io.inkwell.common.change.Topic;
import io.inkwell.config.InkwellConfig;
import io.inkwell.profile.Following;
import io.inkwell.profile.ProfileResponse.Profile;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Comment lists through the shared cache, as an anonymous reader sees them; {@code following} added per viewer. */
@ApplicationScoped
@RegisterForReflection(targets = { CommentResponse.Many.class, CommentResponse.View.class, Profile.class })
public class CommentReads {

    private final CommentService comments;
    private final SharedCache cache;
    private final Following following;
    private final CacheRegion region;

    CommentReads(CommentService comments, SharedCache cache, Following following, InkwellConfig config) {
        this.comments = comments;
        this.cache = cache;
        this.following = following;
        this.region = new CacheRegion("comments", config.cache().ttl(), config.cache().enabled());
    }

    /**
     * First pages come from the shared cache (at most one entry per slug and limit); a page after a
     * cursor is read from PostgreSQL, so that made-up cursors cannot fill the cache.
     */
    public CommentResponse.Many list(String slug, Long viewerId, CommentPage page) {
        if (page.after() != null) {
            return comments.list(slug, viewerId, page);
        }
        CommentResponse.Many shared = cache.get(region, slug + ":" + page.limit(), CommentResponse.Many.class, () -> {
            CommentResponse.Many loaded = comments.list(slug, null, page);
            Set<Topic> topics = new HashSet<>();
            topics.add(Topic.commentsOn(slug));
            loaded.comments().forEach(comment -> topics.add(Topic.user(comment.author().username())));
            return Fresh.of(loaded, topics);
        });
        if (viewerId == null || shared.comments().isEmpty()) {
            return shared;
        }
        Set<String> followed = following.among(viewerId,
                shared.comments().stream().map(c -> c.author().username()).toList());
        return new CommentResponse.Many(shared.comments().stream()
                .map(c -> new CommentResponse.View(c.id(), c.createdAt(), c.updatedAt(), c.body(),
                        new Profile(c.author().username(), c.author().bio(), c.author().image(),
                                followed.contains(c.author().username()))))
                .toList(), shared.nextCursor());
    }
}
