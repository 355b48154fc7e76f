package io.inkwell.article;

/**
 * Which articles a list shows: any combination of tag, author and favoriting user, or the feed of
 * the authors a user follows. {@link ArticleSql} renders it; plain Java, as the benchmark compiles it.
 */
public record ArticleFilter(String tag, String author, String favoritedBy, Long feedOf) {

    public static ArticleFilter feed(long userId) {
        return new ArticleFilter(null, null, null, userId);
    }

    /** The unfiltered list of all articles. */
    public boolean isEverything() {
        return tag == null && author == null && favoritedBy == null && feedOf == null;
    }

    /** Only a tag: its count is kept on the tag. */
    public boolean isTagOnly() {
        return tag != null && author == null && favoritedBy == null && feedOf == null;
    }
}
