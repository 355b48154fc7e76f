package io.inkwell.article;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which articles a list shows: any combination of tag, author and favoriting user, or the feed of
 * the authors a user follows. Renders itself as one HQL condition shared by the page and its count.
 */
public record ArticleFilter(String tag, String author, String favoritedBy, Long feedOf) {

    public static ArticleFilter feed(long userId) {
        return new ArticleFilter(null, null, null, userId);
    }

    String where() {
        List<String> conditions = new ArrayList<>();
        if (tag != null) {
            conditions.add("exists (select 1 from Article x join x.tags t where x = a and t.name = :tag)");
        }
        if (author != null) {
            conditions.add("lower(a.author.username) = lower(:author)");
        }
        if (favoritedBy != null) {
            conditions.add("""
                    exists (select 1 from Favorite f, User fan where f.articleId = a.id and f.userId = fan.id
                    and lower(fan.username) = lower(:favoritedBy))""");
        }
        if (feedOf != null) {
            conditions.add("a.author.id in (select f.followedId from Follow f where f.followerId = :feedOf)");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        if (tag != null) {
            parameters.put("tag", tag);
        }
        if (author != null) {
            parameters.put("author", author);
        }
        if (favoritedBy != null) {
            parameters.put("favoritedBy", favoritedBy);
        }
        if (feedOf != null) {
            parameters.put("feedOf", feedOf);
        }
        return parameters;
    }
}
