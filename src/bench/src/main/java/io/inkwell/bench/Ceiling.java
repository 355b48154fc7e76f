package io.inkwell.bench;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The database's ceiling for each read scenario: its requests' statements replayed over plain JDBC,
 * with as many threads (each with its own connection) as the HTTP load has users, on the same
 * database. What the service adds (HTTP, JSON, pooling, security) is the gap between the two rates.
 */
final class Ceiling {

    private Ceiling() {
    }

    /** The request parameters each read scenario sends, drawn at random like the HTTP scenarios draw them. */
    static Map<String, Supplier<ListSql.Request>> requests(Fixture fixture) {
        Map<String, Supplier<ListSql.Request>> requests = new LinkedHashMap<>();
        requests.put("list-anonymous", () -> new ListSql.Request(null, null, null, null, null, null));
        requests.put("list-signed-in", () -> new ListSql.Request(reader(fixture), null, null, null, null, null));
        requests.put("list-by-tag", () -> new ListSql.Request(null, Fixture.any(fixture.tags()), null, null, null, null));
        requests.put("list-by-author", () -> new ListSql.Request(null, null, Fixture.any(fixture.authors()), null, null, null));
        requests.put("list-by-favorited", () -> new ListSql.Request(null, null, null, Fixture.any(fixture.favoriters()), null, null));
        requests.put("feed", () -> {
            long reader = reader(fixture);
            return new ListSql.Request(reader, null, null, null, reader, null);
        });
        long heavy = fixture.heavyReader().id();
        requests.put("feed-heavy", () -> new ListSql.Request(heavy, null, null, null, heavy, null));
        requests.put("article", () -> new ListSql.Request(reader(fixture), null, null, null, null, Fixture.any(fixture.slugs())));
        return requests;
    }

    /** Requests per second of one read scenario's statements. */
    static double measure(Db db, ListSql sql, Supplier<ListSql.Request> requests, BenchSettings settings, String name)
            throws Exception {
        // A short first round lets the driver switch to server-side prepared statements, as the pool's connections have.
        rate(db, sql, requests, settings.users(), Duration.ofSeconds(Math.min(2, settings.seconds().toSeconds())));
        double rate = rate(db, sql, requests, settings.users(), settings.seconds());
        System.out.printf("  JDBC ceiling %-18s %,9.0f req/s%n", name, rate);
        return rate;
    }

    private static double rate(Db db, ListSql sql, Supplier<ListSql.Request> requests, int threads, Duration duration)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Future<Long>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long done = 0;
                    try (Connection connection = db.connect()) {
                        while (System.nanoTime() < end) {
                            sql.run(connection, requests.get());
                            done++;
                        }
                    }
                    return done;
                }));
            }
            long total = 0;
            for (Future<Long> future : futures) {
                total += future.get();
            }
            return total * 1e9 / (System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long reader(Fixture fixture) {
        return Fixture.any(fixture.readers()).id();
    }
}
