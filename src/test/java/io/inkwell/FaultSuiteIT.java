package io.inkwell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api;
import io.inkwell.support.PackagedApp;
import io.inkwell.support.PostgresProcess;
import io.inkwell.support.RedisProcess;
import io.inkwell.support.Replicas;

/**
 * Two replicas under a bounded mixed load while Redis is killed and restarted, PostgreSQL stopped and
 * restarted, then restarted fast, then both away at once, and one replica is sent SIGTERM (the load then goes to the other,
 * as a load balancer would send it). No acknowledged write may be lost; outside the faults (and 2 s
 * after each one's end) no request may fail; inside them only 503 with Retry-After is allowed.
 */
class FaultSuiteIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration RECOVERY = Duration.ofSeconds(2);
    private static final Pattern SLUG = Pattern.compile("\"slug\":\"([^\"]+)\"");

    /** One answered (or failed: status -1) request. */
    record Call(String what, PackagedApp app, long start, long end, int status, boolean retryAfter) {
    }

    /** A fault from its start to its end (when the fault was undone, or forever). */
    record Fault(String name, long start, long end) {
        boolean covers(Call call) {
            return call.start() < end + RECOVERY.toNanos() && call.end() > start;
        }
    }

    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;
    private volatile boolean bTerminated;

    @Test
    void shouldLoseNoAcknowledgedWriteAndAnswerOnly503InsideFaults() throws Exception {
        try (PostgresProcess postgres = PostgresProcess.start(); RedisProcess redis = RedisProcess.start()) {
            Map<String, String> config = new HashMap<>(postgres.configuration());
            config.put("inkwell.database.timeout", "250ms"); // the production bound this test holds to
        config.put("inkwell.rate-limit.enabled", "false"); // each load thread writes as one user
            Replicas replicas = Replicas.start("fault-suite-it", redis.url(), config);
            try {
                run(replicas, postgres, redis);
            } finally {
                running = false;
                replicas.close();
            }
        }
    }

    private void run(Replicas replicas, PostgresProcess postgres, RedisProcess redis) throws Exception {
        List<Api.Registered> authors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            authors.add(Replicas.register(replicas.a, "fault"));
        }
        String seed = Replicas.to(replicas.a, authors.get(0).token())
                .body(Map.of("article", Map.of("title", Api.unique("Seed"), "description", "d", "body", "b")))
                .post("/api/articles").then().statusCode(201).extract().path("article.slug");
        CountDownLatch done = new CountDownLatch(authors.size());
        for (Api.Registered author : authors) {
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    load(replicas, author, seed);
                } finally {
                    done.countDown();
                }
            });
        }
        long t0 = System.nanoTime();
        pause(3);
        fault("Redis killed", t0, () -> redis.kill(), () -> redis.restart());
        fault("PostgreSQL stopped", t0, postgres::stop, postgres::restart);
        fault("PostgreSQL restarted fast", t0, () -> {
            postgres.stop();
            postgres.restart();
        }, () -> { });
        fault("Redis and PostgreSQL away", t0, () -> { // session checks can then reach neither
            redis.kill();
            postgres.stop();
        }, () -> {
            postgres.restart();
            redis.restart();
        });
        long sigterm = System.nanoTime();
        bTerminated = true; // the load balancer stops sending to it; requests in flight must finish
        replicas.b.process.destroy();
        faults.add(new Fault("SIGTERM to replica b", sigterm, sigterm));
        pause(4);
        running = false;
        done.await();

        report(t0);
        assertNothingFailedOutsideFaults();
        assertOnly503WithRetryAfterInsideFaults();
        assertNoAcknowledgedWriteLost(replicas.a);
        assertNoArticleCreatedTwice(replicas.a, authors);
    }

    /** Creations retried with their Idempotency-Key after a 503 or a lost answer never made a second article. */
    private void assertNoArticleCreatedTwice(PackagedApp survivor, List<Api.Registered> authors) {
        int total = 0;
        for (Api.Registered author : authors) {
            total += Replicas.to(survivor).get("/api/articles?author={author}", author.username())
                    .then().statusCode(200).extract().<Integer>path("articlesCount");
        }
        assertThat(total).as("articles stored, the seed included").isEqualTo(acknowledged.size() + 1);
    }

    private void fault(String name, long t0, Step begin, Step end) throws Exception {
        long start = System.nanoTime();
        begin.run();
        pause(3);
        end.run();
        faults.add(new Fault(name, start, System.nanoTime()));
        pause(3);
    }

    /** Reads and writes in turn; an article whose creation failed is sent again with the same key until acknowledged. */
    private void load(Replicas replicas, Api.Registered author, String seed) {
        String pendingKey = null;
        String pendingTitle = null;
        for (int i = 0; running; i++) {
            PackagedApp app = bTerminated || i % 2 == 0 ? replicas.a : replicas.b;
            switch (i % 5) {
                case 0 -> send("list", app, "GET", "/api/articles?limit=10", null, null, null);
                case 1 -> send("article", app, "GET", "/api/articles/" + seed, null, null, null);
                case 2 -> send("user", app, "GET", "/api/user", null, author.token(), null);
                case 3 -> send("comment", app, "POST", "/api/articles/" + seed + "/comments",
                        "{\"comment\":{\"body\":\"under load\"}}", author.token(), UUID.randomUUID().toString());
                default -> {
                    if (pendingKey == null) {
                        pendingKey = UUID.randomUUID().toString();
                        pendingTitle = Api.unique("Load");
                    }
                    if (create(app, author, pendingKey, pendingTitle)) {
                        pendingKey = null;
                    }
                }
            }
        }
        // A creation still unacknowledged may have been stored: the client finishes it, as a real one would.
        for (int retries = 0; pendingKey != null && retries < 50; retries++) {
            if (create(replicas.a, author, pendingKey, pendingTitle)) {
                pendingKey = null;
            }
        }
    }

    private boolean create(PackagedApp app, Api.Registered author, String key, String title) {
        HttpResponse<String> created = send("create", app, "POST", "/api/articles",
                "{\"article\":{\"title\":\"" + title + "\",\"description\":\"d\",\"body\":\"b\"}}",
                author.token(), key);
        if (created == null || created.statusCode() != 201) {
            return false;
        }
        Matcher slug = SLUG.matcher(created.body());
        assertThat(slug.find()).isTrue();
        if (!acknowledged.contains(slug.group(1))) {
            acknowledged.add(slug.group(1));
        }
        return true;
    }

    private HttpResponse<String> send(String what, PackagedApp app, String method, String path, String json,
            String token, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        long start = System.nanoTime();
        HttpResponse<String> response = null;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // recorded as status -1
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        calls.add(new Call(what, app, start, System.nanoTime(), response == null ? -1 : response.statusCode(),
                response != null && response.headers().firstValue("Retry-After").isPresent()));
        return response;
    }

    /** Every request of the load is valid: any 4xx (a 401 for a session that could not be checked) is a failure too. */
    private boolean failed(Call call) {
        return call.status() >= 400 || call.status() == -1;
    }

    private void assertNothingFailedOutsideFaults() {
        List<Call> outside = calls.stream().filter(this::failed)
                .filter(call -> faults.stream().noneMatch(fault -> fault.covers(call))).toList();
        assertThat(outside).as("failed requests outside the faults and their %s recovery", RECOVERY).isEmpty();
    }

    private void assertOnly503WithRetryAfterInsideFaults() {
        List<Call> wrong = calls.stream().filter(this::failed)
                .filter(call -> call.status() != 503 || !call.retryAfter()).toList();
        assertThat(wrong).as("failures other than 503 with Retry-After").isEmpty();
    }

    private void assertNoAcknowledgedWriteLost(PackagedApp survivor) throws Exception {
        for (String slug : acknowledged) {
            HttpResponse<String> read = send("verify", survivor, "GET", "/api/articles/" + slug, null, null, null);
            assertThat(read.statusCode()).as("acknowledged article %s", slug).isEqualTo(200);
        }
    }

    private void report(long t0) {
        System.out.printf("FaultSuiteIT: %d requests, %d articles acknowledged%n", calls.size(), acknowledged.size());
        for (Fault fault : faults) {
            List<Call> inside = calls.stream().filter(fault::covers).toList();
            long failures = inside.stream().filter(this::failed).count();
            long lastFailureAfterEnd = inside.stream().filter(this::failed)
                    .mapToLong(call -> (call.end() - fault.end()) / 1_000_000).max().orElse(0);
            long slowest = inside.stream().filter(this::failed)
                    .mapToLong(call -> (call.end() - call.start()) / 1_000_000).max().orElse(0);
            System.out.printf("FaultSuiteIT: %-26s at %5d ms for %5d ms: %4d requests, %3d failed (slowest failure %d ms), "
                    + "last failure %d ms after its end%n", fault.name(), (fault.start() - t0) / 1_000_000,
                    (fault.end() - fault.start()) / 1_000_000, inside.size(), failures, slowest, lastFailureAfterEnd);
        }
    }

    private static void pause(int seconds) throws InterruptedException {
        Thread.sleep(Duration.ofSeconds(seconds)); // the load runs meanwhile: this is the fault's length, not a wait
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
