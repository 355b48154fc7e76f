package io.inkwell.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Seeds through the API, as clients would: users, articles with tags, follows, favorites and
 * comments. User 0 follows everybody (the feed of a reader who follows many).
 */
final class ApiSeeder {

    static final String PASSWORD = "bench password";

    /** How much to seed; names start with {@code prefix}, so sizes never collide. */
    record Shape(String prefix, int users, int articles, int comments, int tags, int followsPerUser,
            int favoritesPerUser) {

        String username(int i) {
            return prefix + "_u" + i;
        }

        String tag(int i) {
            return prefix + "_tag" + i;
        }
    }

    static final Shape SMOKE = new Shape("bs", 10, 30, 30, 5, 3, 3);
    static final Shape SMALL = new Shape("bn", 200, 2_000, 2_000, 20, 10, 25);

    private final Http http;
    private final Shape shape;

    ApiSeeder(Http http, Shape shape) {
        this.http = http;
        this.shape = shape;
    }

    void seed(Db db) throws Exception {
        // A seed that stopped half way is removed (cascading to all its data) and made again.
        db.execute("DELETE FROM users WHERE username LIKE '" + shape.prefix() + "\\_u%'");
        long start = System.nanoTime();
        String[] tokens = new String[shape.users()];
        parallel(shape.users(), i -> tokens[i] = http.register(shape.username(i), PASSWORD));
        String[] slugs = new String[shape.articles()];
        parallel(shape.articles(), j -> slugs[j] = Http.field(http.post("/api/articles", tokens[j % shape.users()],
                article(j)), "slug"));
        parallel(shape.users(), i -> {
            int follows = i == 0 ? shape.users() - 1 : shape.followsPerUser();
            for (int k = 1; k <= follows; k++) {
                http.post("/api/profiles/" + shape.username((i + k) % shape.users()) + "/follow", tokens[i], "");
            }
            for (int k = 0; k < shape.favoritesPerUser(); k++) {
                http.post("/api/articles/" + slugs[(i * 37 + k * 101) % shape.articles()] + "/favorite", tokens[i], "");
            }
        });
        parallel(shape.comments(), c -> http.post("/api/articles/" + slugs[(c * 7) % shape.articles()] + "/comments",
                tokens[(c * 3) % shape.users()], "{\"comment\":{\"body\":\"Bench comment " + c + ": " + LOREM + "\"}}"));
        db.markSeeded(shape.prefix());
        System.out.printf("Seeded %d users, %d articles, %d comments through the API in %d s%n", shape.users(),
                shape.articles(), shape.comments(), (System.nanoTime() - start) / 1_000_000_000);
    }

    private String article(int j) {
        // Skewed tags: low-numbered tags are on many articles, high-numbered ones on few.
        int first = (int) (shape.tags() * Math.pow(((j * 7919L) % 1000) / 1000.0, 2));
        String tags = "\"%s\",\"%s\",\"%s\"".formatted(shape.tag(first), shape.tag((first + 3) % shape.tags()),
                shape.tag((first + 7) % shape.tags()));
        return "{\"article\":{\"title\":\"Bench article %d\",\"description\":\"What bench article %d is about\",\"body\":\"%s\",\"tagList\":[%s]}}"
                .formatted(j, j, LOREM.repeat(4), tags);
    }

    private static void parallel(int count, IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.accept(index)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static final String LOREM = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
            + "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation. ";
}
