package io.inkwell.common.persistence;

import static io.inkwell.support.Replicas.register;
import static io.inkwell.support.Replicas.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.inkwell.config.local.ExternalServersResource;
import io.inkwell.support.Api;
import io.inkwell.support.Api.Registered;
import io.inkwell.support.PackagedApp;
import io.inkwell.support.PostgresProcess;
import io.inkwell.support.Replicas;

/**
 * Two replicas of the packaged jar on a PostgreSQL the test restarts and stops: a restart costs no
 * request (broken pooled connections are replaced, never used); while it is stopped every request
 * that needs it is a quick 503 with Retry-After, logged once, and readiness goes DOWN; once it is
 * back, requests succeed again at once.
 */
class DatabaseOutageIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static PostgresProcess postgres;
    private static Replicas replicas;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresProcess.start();
        String redis = ExternalServersResource.configuration().get("quarkus.redis.hosts");
        Map<String, String> config = new java.util.HashMap<>(postgres.configuration());
        config.put("inkwell.database.timeout", "250ms"); // the production bound this test holds to
        config.put("inkwell.rate-limit.enabled", "false"); // the test writes as one user, quickly
        replicas = Replicas.start("database-outage-it", redis, config);
    }

    @AfterAll
    static void stop() throws Exception {
        if (replicas != null) {
            replicas.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldServeThroughARestartAnswer503WhileStoppedAndRecoverAtOnce() throws Exception {
        Registered author = register(replicas.a, "pgout");
        String slug = publish(replicas.a, author, "Before the outage");
        List<String> body = List.of(slug, author.token());

        postgres.stop();
        postgres.restart();
        for (PackagedApp app : apps()) { // every pooled connection is now broken
            for (Call call : calls(body)) {
                assertThat(call.send(app).statusCode()).as("%s right after a restart", call).isLessThan(300);
            }
        }

        postgres.stop();
        long stoppedAt = System.nanoTime();
        List<Long> millis = new ArrayList<>();
        // Readiness is polled beside the load, so slow answers to the load never delay noticing it.
        AtomicLong readinessDown = new AtomicLong(-1);
        Thread readinessPoller = Thread.ofVirtual().start(() -> awaitReadinessDown(stoppedAt, readinessDown));
        while (System.nanoTime() - stoppedAt < Duration.ofSeconds(3).toNanos()) {
            for (PackagedApp app : apps()) {
                for (Call call : calls(body)) {
                    long started = System.nanoTime();
                    HttpResponse<String> answer = call.send(app);
                    millis.add((System.nanoTime() - started) / 1_000_000);
                    assertThat(answer.statusCode()).as("%s while PostgreSQL is stopped: %s", call, answer.body())
                            .isIn(200, 503);
                    if (answer.statusCode() == 503) {
                        assertThat(answer.headers().firstValue("Retry-After")).as("Retry-After").isPresent();
                        assertThat(answer.body()).startsWith("{\"errors\":");
                    }
                }
            }
        }
        readinessPoller.join(Duration.ofSeconds(5));
        long readinessDownMs = readinessDown.get();
        millis.sort(null);

        postgres.restart();
        long restartedAt = System.nanoTime();
        for (PackagedApp app : apps()) {
            app.await("/api/articles/" + slug, status -> status == 200, Duration.ofSeconds(10));
        }
        String after = publish(replicas.b, author, "After the outage");
        long recoveredMs = (System.nanoTime() - restartedAt) / 1_000_000;

        System.out.printf("DatabaseOutageIT: %d requests while stopped, median %d ms, max %d ms; readiness DOWN after %d ms; "
                + "recovered %d ms after the restart%n", millis.size(), millis.get(millis.size() / 2),
                millis.get(millis.size() - 1), readinessDownMs, recoveredMs);
        assertThat(millis.get(millis.size() / 2)).as("median answer while stopped, ms").isLessThan(500);
        assertThat(readinessDownMs).as("readiness DOWN, ms after the stop").isBetween(0L, 2000L);
        assertThat(recoveredMs).as("recovery, ms after the restart").isLessThan(2000);
        to(replicas.a).get("/api/articles/{slug}", slug).then().statusCode(200);
        to(replicas.a).get("/api/articles/{slug}", after).then().statusCode(200);
        for (PackagedApp app : apps()) {
            String log = Files.readString(app.log());
            assertThat(count(log, "PostgreSQL unreachable")).as("WARNs per outage").isEqualTo(1);
            assertThat(log).doesNotContain("Unexpected error").doesNotContain("HHH000247").doesNotContain("\"level\":\"ERROR\"");
        }
    }

    /** Records when any replica first reports readiness DOWN, polling every 50 ms for up to 5 s. */
    private static void awaitReadinessDown(long stoppedAt, AtomicLong readinessDown) {
        try {
            while (System.nanoTime() - stoppedAt < Duration.ofSeconds(5).toNanos()) {
                for (PackagedApp app : apps()) {
                    if (app.managementStatus("/q/health/ready") == 503) {
                        readinessDown.set((System.nanoTime() - stoppedAt) / 1_000_000);
                        return;
                    }
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<PackagedApp> apps() {
        return List.of(replicas.a, replicas.b);
    }

    private static String publish(PackagedApp app, Registered author, String title) {
        return to(app, author.token())
                .body(Map.of("article", Map.of("title", title + " " + Api.unique("t"), "description", "d", "body", "b")))
                .post("/api/articles").then().statusCode(201).extract().path("article.slug");
    }

    private static int count(String text, String word) {
        int count = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            count++;
        }
        return count;
    }

    /** A request of the mixed load: {@code body} holds the article's slug and the author's token. */
    private record Call(String method, String path, String json, String token) {
        HttpResponse<String> send(PackagedApp app) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (token != null) {
                request.header("Authorization", "Token " + token);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static List<Call> calls(List<String> slugAndToken) {
        String slug = slugAndToken.get(0);
        String token = slugAndToken.get(1);
        return List.of(
                new Call("GET", "/api/articles/" + slug, null, null),
                new Call("GET", "/api/articles?limit=5", null, null),
                new Call("GET", "/api/user", null, token),
                new Call("GET", "/api/articles/" + slug + "/comments", null, token),
                new Call("POST", "/api/articles/" + slug + "/comments", "{\"comment\":{\"body\":\"hi\"}}", token));
    }
}
