package io.inkwell.common.redis;

import static io.inkwell.support.Replicas.managementOf;
import static io.inkwell.support.Replicas.register;
import static io.inkwell.support.Replicas.to;
import static io.inkwell.support.Replicas.toServing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.inkwell.support.Api;
import io.inkwell.support.Api.Registered;
import io.inkwell.support.PackagedApp;
import io.inkwell.support.RedisProcess;
import io.inkwell.support.Replicas;
import io.restassured.response.Response;

/**
 * Two replicas of the packaged jar with a Redis the test kills, freezes (SIGSTOP) and brings back:
 * readiness stays UP, requests answer within their usual time plus Redis's timeout, writes made
 * meanwhile are never hidden by what Redis cached before, and caching resumes by itself.
 */
class RedisOutageIT {

    /** inkwell.redis.timeout: what Redis may add to one request before the breaker opens. */
    private static final long REDIS_TIMEOUT_MS = 250;
    /**
     * Room for a CPU shared with other builds, at least 1.5 s and growing with the noise seen with Redis
     * up: a stalled process must not fail the test, a hung call must. The median check below is what
     * would catch every request paying a longer Redis wait.
     */
    private static long cpuSlackMs(Timings usual) {
        return Math.max(1500, usual.max());
    }

    private static RedisProcess redis;
    private static Replicas replicas;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisProcess.start();
        replicas = Replicas.start("redis-outage-it", redis.url());
    }

    @AfterAll
    static void stop() throws Exception {
        if (replicas != null) {
            replicas.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void shouldDegradeWhileRedisIsKilledAndResumeCachingWithNothingStaleOnceRestarted() throws Exception {
        Registered author = register(replicas.a, "killed");
        String slug = publishAndCacheOnBoth(author);
        Timings usual = usualTimings(5, slug);

        redis.kill();
        assertAnswersWithinUsualTimeWhileRedisIsAway(usual, slug);
        editThrough(replicas.a, author, slug, "Edited while Redis was dead");

        redis.restart();
        awaitRedisReachable();
        assertBothShow(slug, "Edited while Redis was dead");
        assertCachingResumes(replicas.b, slug);
    }

    @Test
    void shouldDegradeWhileRedisIsFrozenAndServeNothingItKeptStaleOnceThawed() throws Exception {
        Registered author = register(replicas.a, "frozen");
        String slug = publishAndCacheOnBoth(author);
        Registered reader = register(replicas.b, "reader");
        assertSignedIn(reader, 200); // its session's state cached in Redis
        Timings usual = usualTimings(5, slug);

        redis.freeze();
        try {
            assertAnswersWithinUsualTimeWhileRedisIsAway(usual, slug);
            editThrough(replicas.a, author, slug, "Edited while Redis was frozen");
            assertSignedIn(author, 200); // session checks read PostgreSQL
            to(replicas.b, reader.token()).post("/api/users/logout").then().statusCode(204);
            assertSignedIn(reader, 401);
        } finally {
            redis.thaw();
        }
        awaitRedisReachable();
        assertBothShow(slug, "Edited while Redis was frozen"); // Redis still holds the entry from before
        assertSignedIn(reader, 401); // and the session's state from before the logout
        assertSignedIn(author, 200);
        assertCachingResumes(replicas.b, slug);
    }

    private static void assertSignedIn(Registered user, int status) {
        to(replicas.a, user.token()).get("/api/user").then().statusCode(status);
        to(replicas.b, user.token()).get("/api/user").then().statusCode(status);
    }

    private static String publishAndCacheOnBoth(Registered author) {
        String slug = to(replicas.a, author.token())
                .body(Map.of("article", Map.of("title", "Outage " + Api.unique("t"), "description", "d", "body", "Before")))
                .post("/api/articles").then().statusCode(201).extract().path("article.slug");
        assertBothShow(slug, "Before");
        assertBothShow(slug, "Before");
        return slug;
    }

    private static void editThrough(PackagedApp app, Registered author, String slug, String body) {
        to(app, author.token()).body(Map.of("article", Map.of("body", body))).put("/api/articles/{slug}", slug)
                .then().statusCode(200);
        assertBothShow(slug, body);
    }

    private static void assertBothShow(String slug, String body) {
        to(replicas.a).get("/api/articles/{slug}", slug).then().statusCode(200).body("article.body", equalTo(body));
        to(replicas.b).get("/api/articles/{slug}", slug).then().statusCode(200).body("article.body", equalTo(body));
    }

    private static void assertAnswersWithinUsualTimeWhileRedisIsAway(Timings usual, String slug) {
        Timings away = new Timings();
        for (int i = 0; i < 15; i++) {
            for (PackagedApp app : new PackagedApp[] { replicas.a, replicas.b }) {
                for (String path : paths(slug)) {
                    long started = System.nanoTime();
                    int status = toServing(app, path).get(path).statusCode();
                    long tookMs = away.add(started);

                    assertThat(status).as("%s while Redis is away", path).isEqualTo(200);
                    assertThat(tookMs).as("%s, round %d; usual at most %d ms", path, i, usual.max())
                            .isLessThan(usual.max() + REDIS_TIMEOUT_MS + cpuSlackMs(usual));
                }
            }
        }
        System.out.printf("RedisOutageIT: with Redis up max %d ms, median %d ms; away max %d ms, median %d ms%n",
                usual.max(), usual.median(), away.max(), away.median());
        assertThat(away.median()).as("typical answer once the breaker is open").isLessThan(usual.median() + REDIS_TIMEOUT_MS);
        for (PackagedApp app : new PackagedApp[] { replicas.a, replicas.b }) {
            Response ready = managementOf(app).get("/q/health/ready");
            assertThat(ready.<Boolean>path("checks.find { it.name == 'Redis' }.data.reachable")).isFalse();
            assertThat(ready.<String>path("checks.find { it.name == 'Redis' }.data.breaker")).isIn("open", "half-open");
        }
    }

    /** Readiness, and reads that use the cache. */
    private static String[] paths(String slug) {
        return new String[] { "/q/health/ready", "/api/articles/" + slug, "/api/articles", "/api/tags" };
    }

    private static void awaitRedisReachable() throws InterruptedException {
        for (PackagedApp app : new PackagedApp[] { replicas.a, replicas.b }) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                Response ready = managementOf(app).get("/q/health/ready");
                if (Boolean.TRUE.equals(ready.path("checks.find { it.name == 'Redis' }.data.reachable"))
                        && "closed".equals(ready.path("checks.find { it.name == 'Redis' }.data.breaker"))) {
                    break;
                }
                assertThat(System.nanoTime()).as("Redis reachable again").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    private static void assertCachingResumes(PackagedApp app, String slug) {
        double before = hits(app);
        to(app).get("/api/articles/{slug}", slug).then().statusCode(200);
        to(app).get("/api/articles/{slug}", slug).then().statusCode(200);
        assertThat(hits(app)).as("cache hits after Redis returned").isGreaterThan(before);
    }

    private static double hits(PackagedApp app) {
        String metrics = managementOf(app).accept("text/plain").get("/q/metrics").then().extract().asString();
        Matcher matcher = Pattern.compile(
                "inkwell_cache_gets_total\\{[^}]*region=\"article\"[^}]*result=\"hit\"[^}]*} ([0-9.]+)").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    /** Answer times of the requests the outage checks time, with Redis up. */
    private static Timings usualTimings(int rounds, String slug) {
        Timings usual = new Timings();
        for (int i = 0; i < rounds; i++) {
            for (PackagedApp app : new PackagedApp[] { replicas.a, replicas.b }) {
                for (String path : paths(slug)) {
                    long started = System.nanoTime();
                    toServing(app, path).get(path).then().statusCode(200);
                    usual.add(started);
                }
            }
        }
        return usual;
    }

    /** Answer times in milliseconds. */
    private static final class Timings {
        private final List<Long> millis = new ArrayList<>();

        long add(long startedNanos) {
            long took = (System.nanoTime() - startedNanos) / 1_000_000;
            millis.add(took);
            return took;
        }

        long max() {
            return millis.stream().mapToLong(Long::longValue).max().orElse(0);
        }

        long median() {
            return millis.stream().sorted().skip(millis.size() / 2).findFirst().orElse(0L);
        }
    }
}
