package io.inkwell.article;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of article reads, in one place: the service sends these statements, and the benchmark
 * (src/bench/, which compiles this file) replays the very same ones to measure the database's ceiling.
 * Plain Java and JDBC only, for that reason.
 *
 * <p>A list is one statement: the page, its total and, for each article, the author, the tags, the
 * favorites count and the viewer's favorited/following flags. Rows carry {@link #COLUMNS} in order.
 * Totals are exact: kept by triggers for all articles and per tag, counted by the statement for other
 * lists up to {@link #EXACT_COUNT_LIMIT}.
 */
public final class ArticleSql {

    /** One statement and its parameters in order. */
    public record Statement(String sql, List<Object> parameters) {

        public PreparedStatement prepare(Connection connection) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        }
    }

    /** Column positions of article rows; {@code BODY} is null in lists, {@code TOTAL} 1 for one article. */
    public static final int ID = 1, SLUG = 2, TITLE = 3, DESCRIPTION = 4, BODY = 5, CREATED_AT = 6, UPDATED_AT = 7,
            USERNAME = 8, BIO = 9, IMAGE = 10, TAGS = 11, FAVORITES = 12, FAVORITED = 13, FOLLOWING = 14, TOTAL = 15,
            COLUMNS = 15;

    /**
     * Counts of lists without a maintained total stop here: at most this many index entries are read
     * for a count, and a larger total is counted apart ({@link #count}) and kept for a while.
     */
    public static final int EXACT_COUNT_LIMIT = 10_000;

    private static final String USER_NAMED = "(SELECT id FROM users WHERE lower(username) = lower(?))";
    private static final String TAG_NAMED = "(SELECT id FROM tags WHERE name = ?)";

    private ArticleSql() {
    }

    /**
     * A page of {@code filter}'s articles, newest first (ties by id), after {@code cursor} or from
     * {@code offset}, with one row more than {@code limit} when another page follows. An empty page
     * is one row of nulls that carries the total.
     */
    public static Statement list(ArticleFilter filter, Long viewerId, int limit, int offset, ArticleCursor cursor) {
        Source source = Source.of(filter);
        Builder sql = new Builder().append("WITH page AS (SELECT " + source.id + " AS id, " + source.createdAt
                + " AS created_at FROM " + source.from);
        List<String> conditions = new ArrayList<>(source.conditions);
        List<Object> conditionParameters = new ArrayList<>(source.parameters);
        if (cursor != null) {
            conditions.add("(" + source.createdAt + ", " + source.id + ") < (?, ?)");
            conditionParameters.add(cursor.createdAt().atOffset(ZoneOffset.UTC));
            conditionParameters.add(cursor.id());
        }
        sql.where(conditions, conditionParameters)
                .append(" ORDER BY " + source.createdAt + " DESC, " + source.id + " DESC LIMIT ? OFFSET ?)", limit + 1, offset)
                .append(" SELECT ").columns("NULL::text", viewerId)
                .append(", total.n FROM (SELECT ");
        if (filter.isEverything()) {
            sql.append("(SELECT articles FROM article_totals)");
        } else if (filter.isTagOnly()) {
            sql.append("COALESCE((SELECT articles_count FROM tags WHERE name = ?), 0)", filter.tag());
        } else {
            sql.append("(SELECT count(*) FROM (SELECT 1 FROM " + source.from).where(source.conditions, source.parameters)
                    .append(" LIMIT " + (EXACT_COUNT_LIMIT + 1) + ") bounded)");
        }
        return sql.append(" AS n) total LEFT JOIN (page p JOIN articles a ON a.id = p.id JOIN users u ON u.id = a.author_id)"
                + " ON true ORDER BY p.created_at DESC, p.id DESC").build();
    }

    /** All of {@code filter}'s articles, counted: for totals beyond {@link #EXACT_COUNT_LIMIT}. */
    public static Statement count(ArticleFilter filter) {
        Source source = Source.of(filter);
        return new Builder().append("SELECT count(*) FROM " + source.from).where(source.conditions, source.parameters).build();
    }

    /** One article, with its body, by slug; no row when there is none. */
    public static Statement article(String slug, Long viewerId) {
        return new Builder().append("SELECT ").columns("a.body", viewerId)
                .append(", 1 FROM articles a JOIN users u ON u.id = a.author_id WHERE a.slug = ?", slug).build();
    }

    /** Where a list's articles come from: the index that serves its order, chosen by the most selective filter. */
    private record Source(String from, String id, String createdAt, List<String> conditions, List<Object> parameters) {

        static Source of(ArticleFilter filter) {
            Source source = filter.favoritedBy() != null
                    ? new Source("favorites x", "x.article_id", "x.article_created_at", "x.user_id = " + USER_NAMED, filter.favoritedBy())
                    : filter.author() != null
                    ? new Source("articles x", "x.id", "x.created_at", "x.author_id = " + USER_NAMED, filter.author())
                    : filter.tag() != null
                    ? new Source("article_tags x", "x.article_id", "x.article_created_at", "x.tag_id = " + TAG_NAMED, filter.tag())
                    : new Source("articles x", "x.id", "x.created_at", new ArrayList<>(), new ArrayList<>());
            if (filter.author() != null && filter.favoritedBy() != null) {
                source.onArticle("author_id = " + USER_NAMED, filter.author());
            }
            if (filter.tag() != null && (filter.author() != null || filter.favoritedBy() != null)) {
                source.add("EXISTS (SELECT 1 FROM article_tags xt WHERE xt.article_id = " + source.id + " AND xt.tag_id = "
                        + TAG_NAMED + ")", filter.tag());
            }
            if (filter.feedOf() != null) {
                source.onArticle("author_id IN (SELECT followed_id FROM follows WHERE follower_id = ?)", filter.feedOf());
            }
            return source;
        }

        Source(String from, String id, String createdAt, String condition, Object parameter) {
            this(from, id, createdAt, new ArrayList<>(List.of(condition)), new ArrayList<>(List.of(parameter)));
        }

        void add(String condition, Object parameter) {
            conditions.add(condition);
            parameters.add(parameter);
        }

        /** A condition on the article's own columns, however the source reaches the article. */
        void onArticle(String condition, Object parameter) {
            add(from.startsWith("articles ") ? "x." + condition
                    : "EXISTS (SELECT 1 FROM articles xa WHERE xa.id = " + id + " AND xa." + condition + ")", parameter);
        }
    }

    /** SQL text and its parameters, appended together so that they stay in order. */
    private static final class Builder {
        private final StringBuilder sql = new StringBuilder(1024);
        private final List<Object> parameters = new ArrayList<>();

        Builder append(String text, Object... values) {
            sql.append(text);
            parameters.addAll(List.of(values));
            return this;
        }

        Builder where(List<String> conditions, List<Object> values) {
            if (!conditions.isEmpty()) {
                sql.append(" WHERE ").append(String.join(" AND ", conditions));
                parameters.addAll(values);
            }
            return this;
        }

        /** The article columns up to {@link #FOLLOWING}, of article {@code a} by author {@code u}. */
        Builder columns(String body, Long viewerId) {
            append("a.id, a.slug, a.title, a.description, " + body + ", a.created_at, a.updated_at, u.username, u.bio, u.image,"
                    + " ARRAY(SELECT (SELECT t.name FROM tags t WHERE t.id = xt.tag_id) FROM article_tags xt"
                    + " WHERE xt.article_id = a.id ORDER BY 1),"
                    + " COALESCE((SELECT s.favorites_count FROM article_stats s WHERE s.article_id = a.id), 0), ");
            if (viewerId == null) {
                return append("false, false");
            }
            return append("EXISTS (SELECT 1 FROM favorites f WHERE f.user_id = ? AND f.article_id = a.id),"
                    + " EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = ? AND f.followed_id = a.author_id)", viewerId, viewerId);
        }

        Statement build() {
            return new Statement(sql.toString(), List.copyOf(parameters));
        }
    }
}
