package io.inkwell.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkwell.config.local.embedded.EmbeddedServers;

/**
 * The first page of every list, and a page after a cursor, is read through indexes: PostgreSQL's
 * plans (EXPLAIN) for the statements {@link ArticleSql} builds scan no large table sequentially. On a
 * database of its own, migrated by Flyway and filled with 20,000 articles so that the planner
 * weighs costs as it does on real data. The benchmark prints the same plans at a million articles.
 */
class ArticleListPlansTest {

    private static final List<String> LARGE_TABLES = List.of("articles", "favorites", "article_tags", "follows", "users");
    private static final ArticleCursor DEEP = new ArticleCursor(java.time.Instant.parse("2024-06-01T00:00:00Z"), 10_000);

    private static Connection db;

    @BeforeAll
    static void fillDatabase() throws SQLException {
        Map<String, String> server = EmbeddedServers.postgres(null);
        String url = server.get("quarkus.datasource.jdbc.url");
        try (Connection admin = DriverManager.getConnection(url, "postgres", "postgres"); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS inkwell_plans");
            sql.execute("CREATE DATABASE inkwell_plans");
        }
        String plansUrl = url.replaceFirst("/postgres(\\?|$)", "/inkwell_plans$1");
        Flyway.configure().dataSource(plansUrl, "postgres", "postgres").locations("classpath:db/migration").load().migrate();
        db = DriverManager.getConnection(plansUrl, "postgres", "postgres");
        try (Statement sql = db.createStatement()) {
            sql.execute("""
                    INSERT INTO users (email, username, password_hash, created_at, updated_at)
                    SELECT 'u' || g || '@example.com', 'u' || g, 'x', now(), now() FROM generate_series(1, 2000) g""");
            sql.execute("""
                    INSERT INTO articles (slug, title, description, body, author_id, created_at, updated_at)
                    SELECT 'a-' || g, 'A ' || g, 'About ' || g, repeat('body ', 50), 1 + (g * 7919) % 2000,
                           timestamptz '2024-01-01' + g * interval '10 minutes', now()
                    FROM generate_series(1, 20000) g""");
            sql.execute("INSERT INTO tags (name) SELECT 't' || g FROM generate_series(0, 99) g");
            sql.execute("""
                    INSERT INTO article_tags (article_id, tag_id)
                    SELECT a.id, t.id FROM articles a JOIN tags t ON t.name IN ('t' || a.id % 3, 't' || (3 + a.id % 97))""");
            sql.execute("""
                    INSERT INTO favorites (user_id, article_id)
                    SELECT DISTINCT 1 + (g * 31) % 2000, 1 + (g * 7919) % 20000 FROM generate_series(1, 60000) g""");
            sql.execute("""
                    INSERT INTO follows (follower_id, followed_id)
                    SELECT 1, g FROM generate_series(2, 11) g
                    UNION ALL SELECT 2, g FROM generate_series(3, 2000, 2) g
                    UNION ALL SELECT 4, g FROM generate_series(5, 2000) g
                    UNION ALL SELECT u, f FROM (SELECT u, 1 + (u * 13 + k * 101) % 2000 AS f
                                                FROM generate_series(3, 2000) u, generate_series(1, 10) k) s WHERE u <> f
                    ON CONFLICT DO NOTHING""");
            sql.execute("VACUUM ANALYZE");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    static Stream<Arguments> lists() {
        return Stream.of(
                Arguments.of("all", new ArticleFilter(null, null, null, null), null),
                Arguments.of("all, signed in", new ArticleFilter(null, null, null, null), 1L),
                Arguments.of("tag", new ArticleFilter("t1", null, null, null), null),
                Arguments.of("rare tag", new ArticleFilter("t50", null, null, null), 1L),
                Arguments.of("author", new ArticleFilter(null, "U17", null, null), null),
                Arguments.of("favorited", new ArticleFilter(null, null, "u31", null), 1L),
                Arguments.of("tag and author", new ArticleFilter("t1", "u17", null, null), null),
                Arguments.of("tag and favorited", new ArticleFilter("t2", null, "u31", null), null),
                Arguments.of("feed of 10 authors", ArticleFilter.feed(1), 1L),
                Arguments.of("feed of 1,000 authors", ArticleFilter.feed(2), 2L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void shouldReadTheFirstPageThroughIndexes(String name, ArticleFilter filter, Long viewer) throws Exception {
        assertThat(sequentialScans(ArticleSql.list(filter, viewer, 20, 0, null))).as(name).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void shouldReadThePageAfterACursorThroughIndexes(String name, ArticleFilter filter, Long viewer) throws Exception {
        assertThat(sequentialScans(ArticleSql.list(filter, viewer, 20, 0, DEEP))).as(name).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void shouldReadTheDeepestOffsetThroughIndexes(String name, ArticleFilter filter, Long viewer) throws Exception {
        assertThat(sequentialScans(ArticleSql.list(filter, viewer, 100, Paging.MAX_OFFSET, null))).as(name).isEmpty();
    }

    @Test
    void shouldReadOneArticleThroughIndexes() throws Exception {
        assertThat(sequentialScans(ArticleSql.article("a-777", 1L))).isEmpty();
    }

    @Test
    void shouldCountUpToTheExactLimitInTheListAndBeyondItApart() throws Exception {
        ArticleFilter small = ArticleFilter.feed(1);
        ArticleFilter large = ArticleFilter.feed(4);

        long smallTotal = total(ArticleSql.list(small, 1L, 20, 0, null));
        long largeTotal = total(ArticleSql.list(large, 4L, 20, 0, null));

        assertThat(smallTotal).isEqualTo(total(ArticleSql.count(small))).isBetween(1L, (long) ArticleSql.EXACT_COUNT_LIMIT);
        assertThat(largeTotal).isEqualTo(ArticleSql.EXACT_COUNT_LIMIT + 1);
        assertThat(total(ArticleSql.count(large))).isGreaterThan(ArticleSql.EXACT_COUNT_LIMIT + 1);
        assertThat(sequentialScans(ArticleSql.count(large))).isEmpty();
    }

    /** The total a list statement carries (column TOTAL), or a count statement's count. */
    private static long total(ArticleSql.Statement statement) throws SQLException {
        try (PreparedStatement query = statement.prepare(db); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(rows.getMetaData().getColumnCount());
        }
    }

    /** The large tables the statement's plan reads from start to end. */
    private static List<String> sequentialScans(ArticleSql.Statement statement) throws Exception {
        JsonNode plan;
        try (PreparedStatement explain = new ArticleSql.Statement("EXPLAIN (FORMAT JSON) " + statement.sql(),
                statement.parameters()).prepare(db); ResultSet rows = explain.executeQuery()) {
            rows.next();
            plan = new ObjectMapper().readTree(rows.getString(1));
        }
        List<String> scanned = new ArrayList<>();
        collectSequentialScans(plan, scanned);
        return scanned;
    }

    private static void collectSequentialScans(JsonNode node, List<String> scanned) {
        if (node.isObject() && "Seq Scan".equals(node.path("Node Type").asText())
                && LARGE_TABLES.contains(node.path("Relation Name").asText())) {
            scanned.add(node.path("Relation Name").asText());
        }
        node.forEach(child -> collectSequentialScans(child, scanned));
    }
}
