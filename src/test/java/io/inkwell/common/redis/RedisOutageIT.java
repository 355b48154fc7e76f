package io.inkwell.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.inkwell.config.local.ExternalServersResource;
import io.inkwell.support.PackagedApp;
import io.inkwell.support.RedisProcess;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * The packaged jar with a Redis of its own that the test kills, freezes (SIGSTOP) and brings back:
 * readiness stays UP, requests answer within their usual time plus Redis's timeout, and Redis is
 * used again by itself once it answers.
 */
class RedisOutageIT {

    /** inkwell.redis.timeout, plus room for a CPU shared with other builds. */
    private static final long ALLOWANCE_MS = 250 + 750;

    private static RedisProcess redis;
    private static PackagedApp app;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisProcess.start();
        Map<String, String> config = new HashMap<>(ExternalServersResource.configuration());
        config.put("quarkus.redis.hosts", redis.url());
        app = PackagedApp.start("redis-outage-it.log", List.of(), config);
        app.await("/q/health/ready", status -> status == 200, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void shouldStayReadyAndAnswerWhileRedisIsKilledAndUseItAgainOnceRestarted() throws Exception {
        long usual = slowestOf(5);

        redis.kill();
        assertAnswersWithinUsualTimeWhileRedisIsAway(usual);

        redis.restart();
        awaitRedisReachable();
    }

    @Test
    void shouldStayReadyAndAnswerWhileRedisIsFrozenAndUseItAgainOnceThawed() throws Exception {
        long usual = slowestOf(5);

        redis.freeze();
        try {
            assertAnswersWithinUsualTimeWhileRedisIsAway(usual);
        } finally {
            redis.thaw();
        }
        awaitRedisReachable();
    }

    private static void assertAnswersWithinUsualTimeWhileRedisIsAway(long usualMs) {
        for (int i = 0; i < 20; i++) {
            long started = System.nanoTime();
            Response ready = RestAssured.given().port(app.port).get("/q/health/ready");
            Response list = RestAssured.given().port(app.port).get("/api/articles");
            long tookMs = (System.nanoTime() - started) / 1_000_000;

            assertThat(ready.statusCode()).as("readiness while Redis is away").isEqualTo(200);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(tookMs).as("round %d: usual %d ms", i, usualMs).isLessThan(usualMs + ALLOWANCE_MS);
        }
        Response ready = RestAssured.given().port(app.port).get("/q/health/ready");
        assertThat(ready.<Boolean>path("checks.find { it.name == 'Redis' }.data.reachable")).isFalse();
        assertThat(ready.<String>path("checks.find { it.name == 'Redis' }.data.breaker")).isEqualTo("open");
    }

    private static void awaitRedisReachable() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Response ready = RestAssured.given().port(app.port).get("/q/health/ready");
            if (Boolean.TRUE.equals(ready.path("checks.find { it.name == 'Redis' }.data.reachable"))
                    && "closed".equals(ready.path("checks.find { it.name == 'Redis' }.data.breaker"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Redis never became reachable again");
    }

    /** The slowest of a few rounds of the requests the outage checks time, with Redis up. */
    private static long slowestOf(int rounds) {
        long slowest = 0;
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            RestAssured.given().port(app.port).get("/q/health/ready").then().statusCode(200);
            RestAssured.given().port(app.port).get("/api/articles").then().statusCode(200);
            slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
        }
        return slowest;
    }
}
