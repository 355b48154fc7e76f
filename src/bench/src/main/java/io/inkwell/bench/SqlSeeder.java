package io.inkwell.bench;

import java.sql.Connection;
import java.sql.Statement;

/**
 * Seeds the million-article set with SQL (generate_series), in minutes rather than the hours the
 * API would take: 100,000 users, 1,000,000 articles with three of 500 tags each (popular tags on many
 * articles), about 5,000,000 favorites, about 1,000,000 follows (user bm_u0 follows 5,000 authors)
 * and 200,000 comments. Authors, favorites and tags are skewed, as in real data. Every user's
 * password is {@link ApiSeeder#PASSWORD}: the hash of a user registered through the API is copied.
 */
final class SqlSeeder {

    static final ApiSeeder.Shape MILLION = new ApiSeeder.Shape("bm", 100_000, 1_000_000, 200_000, 500, 10, 50);

    private SqlSeeder() {
    }

    static void seed(Db db, Http http) throws Exception {
        db.execute("DELETE FROM users WHERE username LIKE 'bm\\_u%'");
        http.register("bm_u0", ApiSeeder.PASSWORD);
        long start = System.nanoTime();
        try (Connection connection = db.connect(); Statement sql = connection.createStatement()) {
            sql.execute("SELECT setseed(0.42)");
            step(sql, "users", """
                    INSERT INTO users (email, username, password_hash, bio, created_at, updated_at)
                    SELECT 'bm_u' || g || '@bench.inkwell.test', 'bm_u' || g,
                           (SELECT password_hash FROM users WHERE username = 'bm_u0'),
                           'Writes bench articles, ' || g, timestamptz '2023-01-01', timestamptz '2023-01-01'
                    FROM generate_series(1, 99999) g""");
            sql.execute("""
                    CREATE TEMP TABLE bm_users AS
                    SELECT substr(username, 5)::int AS n, id FROM users WHERE username LIKE 'bm\\_u%'""");
            sql.execute("CREATE UNIQUE INDEX ON bm_users (n)");
            // The total's trigger updates one row per inserted article, which in one transaction of a
            // million rows is quadratic (every update walks the row's versions so far): off for the
            // load, and the total set once after it.
            sql.execute("ALTER TABLE articles DISABLE TRIGGER articles_count");
            try {
                step(sql, "articles", """
                        INSERT INTO articles (slug, title, description, body, author_id, created_at, updated_at)
                        SELECT 'bm-article-' || s.g, 'Bench article ' || s.g, 'What bench article ' || s.g || ' is about',
                               repeat(md5(s.g::text) || ' lorem ipsum dolor sit amet ', 8), u.id, s.at, s.at
                        FROM (SELECT g, floor(100000 * power(random(), 2))::int AS n,
                                     timestamptz '2023-01-01' + g * interval '90 seconds' AS at
                              FROM generate_series(1, 1000000) g) s
                        JOIN bm_users u ON u.n = s.n
                        ORDER BY s.g""");
            } finally {
                sql.execute("ALTER TABLE articles ENABLE TRIGGER articles_count");
            }
            sql.execute("UPDATE article_totals SET articles = (SELECT count(*) FROM articles)");
            sql.execute("""
                    CREATE TEMP TABLE bm_articles AS
                    SELECT substr(slug, 12)::int AS n, id, floor(500 * power(random(), 3))::int AS tag
                    FROM articles WHERE slug LIKE 'bm-article-%'""");
            sql.execute("CREATE UNIQUE INDEX ON bm_articles (n)");
            step(sql, "tags", """
                    INSERT INTO tags (name) SELECT 'bm_tag' || g FROM generate_series(0, 499) g
                    ON CONFLICT DO NOTHING""");
            step(sql, "article tags", """
                    INSERT INTO article_tags (article_id, tag_id)
                    SELECT a.id, t.id
                    FROM bm_articles a CROSS JOIN (VALUES (0), (17), (101)) o(d)
                    JOIN tags t ON t.name = 'bm_tag' || ((a.tag + o.d) % 500)
                    ORDER BY 1, 2
                    ON CONFLICT DO NOTHING""");
            step(sql, "favorites", """
                    INSERT INTO favorites (user_id, article_id)
                    SELECT DISTINCT u.id, a.id
                    FROM (SELECT floor(100000 * power(random(), 1.5))::int AS un,
                                 1000000 - floor(999999 * power(random(), 2))::int AS an
                          FROM generate_series(1, 5150000)) p
                    JOIN bm_users u ON u.n = p.un JOIN bm_articles a ON a.n = p.an
                    ORDER BY 1, 2
                    ON CONFLICT DO NOTHING""");
            step(sql, "follows", """
                    INSERT INTO follows (follower_id, followed_id)
                    SELECT DISTINCT f.id, t.id
                    FROM (SELECT g % 100000 AS fn, floor(100000 * power(random(), 2))::int AS tn
                          FROM generate_series(100000, 1099999) g) p
                    JOIN bm_users f ON f.n = p.fn JOIN bm_users t ON t.n = p.tn
                    WHERE p.fn <> p.tn AND p.fn <> 0
                    UNION
                    SELECT (SELECT id FROM bm_users WHERE n = 0), id FROM bm_users WHERE n % 20 = 1
                    ORDER BY 1, 2
                    ON CONFLICT DO NOTHING""");
            step(sql, "comments", """
                    INSERT INTO comments (article_id, author_id, body, created_at, updated_at)
                    SELECT a.id, u.id, 'Bench comment ' || g, now(), now()
                    FROM (SELECT g, 1000000 - floor(999999 * power(random(), 2))::int AS an,
                                 floor(100000 * random())::int AS un FROM generate_series(1, 200000) g) p
                    JOIN bm_articles a ON a.n = p.an JOIN bm_users u ON u.n = p.un""");
        }
        long vacuum = System.nanoTime();
        db.execute("VACUUM ANALYZE");
        System.out.printf("  vacuum analyze: %d s%n", (System.nanoTime() - vacuum) / 1_000_000_000);
        db.markSeeded("bm");
        System.out.printf("Seeded the million set with SQL in %d s%n", (System.nanoTime() - start) / 1_000_000_000);
    }

    private static void step(Statement sql, String what, String insert) throws Exception {
        long start = System.nanoTime();
        int rows = sql.executeUpdate(insert);
        System.out.printf("  %-13s %,10d rows in %d s%n", what, rows, (System.nanoTime() - start) / 1_000_000_000);
    }
}
