package io.inkwell.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The seeded data the scenarios draw from: signed-in readers (with tokens and ids), the reader who
 * follows many, and samples of slugs, authors, favoriting users and tags. Shared with the Gatling
 * simulation through {@link #current}, as both run in one JVM.
 */
record Fixture(List<Reader> readers, Reader heavyReader, List<String> slugs, List<String> authors,
        List<String> favoriters, List<String> tags, List<String> users) {

    static volatile Fixture current;

    record Reader(String username, long id, String token) {
    }

    static Fixture load(Db db, Http http, ApiSeeder.Shape shape) throws Exception {
        String like = "'" + shape.prefix() + "\\_u%'";
        int readerCount = Math.min(64, shape.users() - 1);
        List<String> readerNames = new ArrayList<>();
        for (int i = 1; i <= readerCount; i++) {
            readerNames.add(shape.username(i * (shape.users() / (readerCount + 1))));
        }
        List<Reader> readers = login(db, http, readerNames);
        Reader heavy = login(db, http, List.of(shape.username(0))).get(0);
        // Samples drawn at random, once; the million set has TABLESAMPLE to keep this quick.
        String articles = shape.articles() > 100_000 ? "articles TABLESAMPLE SYSTEM (2)" : "articles";
        List<String> slugs = db.strings("SELECT slug FROM " + articles + " WHERE slug LIKE '" + shape.prefix()
                + "-article-%' OR author_id IN (SELECT id FROM users WHERE username LIKE " + like + ") ORDER BY random() LIMIT 5000");
        List<String> authors = db.strings("SELECT u.username FROM users u WHERE u.username LIKE " + like
                + " AND EXISTS (SELECT 1 FROM articles a WHERE a.author_id = u.id) ORDER BY random() LIMIT 1000");
        List<String> favoriters = db.strings("SELECT u.username FROM users u WHERE u.username LIKE " + like
                + " AND EXISTS (SELECT 1 FROM favorites f WHERE f.user_id = u.id) ORDER BY random() LIMIT 1000");
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < Math.min(20, shape.tags()); i++) {
            tags.add(shape.tag(i));
        }
        List<String> users = db.strings("SELECT username FROM users WHERE username LIKE " + like
                + " ORDER BY random() LIMIT 1000");
        return new Fixture(readers, heavy, slugs, authors, favoriters, tags, users);
    }

    private static List<Reader> login(Db db, Http http, List<String> usernames) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Reader>> futures = new ArrayList<>();
            for (String username : usernames) {
                futures.add(pool.submit(() -> new Reader(username,
                        db.number("SELECT id FROM users WHERE username = '" + username + "'"),
                        http.login(username, ApiSeeder.PASSWORD))));
            }
            List<Reader> readers = new ArrayList<>();
            for (Future<Reader> future : futures) {
                readers.add(future.get());
            }
            return readers;
        } finally {
            pool.shutdownNow();
        }
    }

    static <T> T any(List<T> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }
}
