package io.inkwell.common.change;

import java.util.Locale;
import java.util.UUID;

/**
 * Something readers see that a write can change. Named by what readers look it up by (slugs,
 * usernames), so a reader can say what its answer depends on without asking the database again.
 */
public record Topic(String kind, String name) {

    /** Which articles exist: every list and every {@code articlesCount}. */
    public static Topic articleSet() {
        return new Topic("articles", "all");
    }

    /** What the article with this slug shows: text, tags, counts, and whether the slug names it at all. */
    public static Topic article(String slug) {
        return new Topic("article", slug);
    }

    /** The comments on the article this slug names. */
    public static Topic commentsOn(String slug) {
        return new Topic("comments", slug);
    }

    /** The tags in use and how often: {@code GET /api/tags}. */
    public static Topic tagSet() {
        return new Topic("tags", "all");
    }

    /** Which articles carry this tag. */
    public static Topic tag(String name) {
        return new Topic("tag", name);
    }

    /**
     * The user holding this username (compared whatever the case): the profile fields shown on
     * their profile, articles and comments, and whom the name names at all (renames).
     */
    public static Topic user(String username) {
        return new Topic("user", username.toLowerCase(Locale.ROOT));
    }

    /** Which articles this user has favorited. */
    public static Topic favoritesOf(long userId) {
        return new Topic("favorites", Long.toString(userId));
    }

    /** Whom this user follows. */
    public static Topic followsOf(long userId) {
        return new Topic("follows", Long.toString(userId));
    }

    /** Whether this session is still live. */
    public static Topic session(UUID id) {
        return new Topic("session", id.toString());
    }
}
