package io.inkwell.live;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.inkwell.bench.MixedLoad;
import io.inkwell.support.Api;
import io.inkwell.support.Api.Registered;
import io.inkwell.support.Await;
import io.inkwell.support.LiveClient;
import io.inkwell.support.Mailbox;
import io.inkwell.support.PackagedApp;
import io.inkwell.support.Replicas;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;

/**
 * Two packaged replicas, A and B, on one PostgreSQL, one Redis and one SMTP server: what is written
 * through one is mailed, notified and pushed live through the other.
 */
class CrossReplicaEventsIT {

    private static Replicas replicas;
    private static PackagedApp a;
    private static PackagedApp b;

    @BeforeAll
    static void start() throws Exception {
        replicas = Replicas.start("cross-replica-events-it", 2, Map.of());
        a = replicas.get(0);
        b = replicas.get(1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    void shouldSendOneVerificationMailForARegistrationThroughAWhoseTokenVerifiesThroughB() {
        Registered user = Api.register(on(a), "twice");
        Mailbox.Mail mail = replicas.mailbox().await(user.email(), "Confirm your e-mail address");

        on(b).body(Map.of("token", mail.token())).post("/api/users/verify-email").then().statusCode(200);
        as(user).port(b.port).get("/api/user").then().statusCode(200).body("user.emailVerified", org.hamcrest.Matchers.equalTo(true));

        Registered later = Api.register(on(b), "later"); // its mail comes after any late duplicate of the first
        replicas.mailbox().await(later.email(), "Confirm");
        assertThat(replicas.mailbox().to(user.email())).hasSize(1);
    }

    @Test
    void shouldPushACommentWrittenThroughAToClientsOnBAndNotifyTheAuthor() {
        Registered author = Api.register(on(a), "author");
        Registered reader = Api.register(on(a), "reader");
        String slug = as(author).port(a.port).body(Map.of("article", Map.of("title", Api.unique("Across"),
                "description", "d", "body", "b", "tagList", List.of()))).post("/api/articles")
                .then().statusCode(201).extract().path("article.slug");
        try (LiveClient watcher = LiveClient.connect(LiveClient.uri(b.port), null);
                LiveClient authorOnB = LiveClient.connect(LiveClient.uri(b.port), author.token())) {
            watcher.subscribe(slug);
            authorOnB.await(m -> "connected".equals(m.getString("type")));

            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String body = "Comment " + i + " through A";
                long sent = System.nanoTime();
                as(reader).port(a.port).body(Map.of("comment", Map.of("body", body)))
                        .post("/api/articles/{slug}/comments", slug).then().statusCode(200);
                LiveClient.Received received = watcher.awaitReceived(m -> "comment".equals(m.getString("type"))
                        && body.equals(m.getJsonObject("comment").getString("body")), Duration.ofSeconds(30));
                millis.add((received.atNanos() - sent) / 1_000_000);
            }
            System.out.printf("Comment through A to a WebSocket client on B, ms (request included): %s%n", millis);
            assertThat(millis.stream().sorted().toList().get(2)).as("median delivery, ms").isLessThan(1000);

            JsonObject pushed = authorOnB.await(m -> "notification".equals(m.getString("type")));
            assertThat(pushed.getJsonObject("notification").getString("type")).isEqualTo("comment");
            // Live comments leave at the commit; notifications once the pipeline has stored them.
            List<String> types = Await.value("the author's five notifications", Duration.ofSeconds(30),
                    () -> as(author).port(a.port).get("/api/notifications").then().statusCode(200)
                            .extract().jsonPath().<String>getList("notifications.type"), list -> list.size() >= 5);
            assertThat(types).hasSize(5).containsOnly("comment");
        }
    }

    /** A figure, not a verdict: delivery under load on a shared build machine says little about production. */
    @Test
    void shouldPrintCommentDeliveryFromAToBUnderLoad() throws Exception {
        Registered author = Api.register(on(a), "loaded");
        Registered reader = Api.register(on(a), "lreader");
        String slug = as(author).port(a.port).body(Map.of("article", Map.of("title", Api.unique("Loaded"),
                "description", "d", "body", "b", "tagList", List.of()))).post("/api/articles")
                .then().statusCode(201).extract().path("article.slug");
        Duration load = Duration.ofSeconds(30);
        List<String> loadResults = new CopyOnWriteArrayList<>();
        List<Thread> loaders = List.of(a, b).stream().map(app -> Thread.ofPlatform().start(() -> {
            try {
                loadResults.add(new MixedLoad(app.port).run(4, load));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })).toList();

        List<Long> millis = new ArrayList<>();
        try (LiveClient watcher = LiveClient.connect(LiveClient.uri(b.port), null)) {
            watcher.subscribe(slug);
            long until = System.nanoTime() + load.minusSeconds(5).toNanos();
            for (int i = 0; System.nanoTime() < until; i++) {
                String body = "Loaded comment " + i;
                long sent = System.nanoTime();
                as(reader).port(a.port).body(Map.of("comment", Map.of("body", body)))
                        .post("/api/articles/{slug}/comments", slug).then().statusCode(200);
                LiveClient.Received received = watcher.awaitReceived(m -> "comment".equals(m.getString("type"))
                        && body.equals(m.getJsonObject("comment").getString("body")), Duration.ofSeconds(30));
                millis.add((received.atNanos() - sent) / 1_000_000);
            }
        }
        for (Thread loader : loaders) {
            loader.join();
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("Comment through A to a WebSocket client on B under load (4 clients per replica: %s), "
                + "ms, request included: n=%d p50=%d p95=%d p99=%d max=%d%n", loadResults, sorted.size(),
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.getLast());
        assertThat(sorted).isNotEmpty();
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    @Test
    void shouldDeliverMailsHeldUpByAnSmtpOutageOnceEachWhenItEnds() {
        replicas.smtp.stop();
        List<Registered> users = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                users.add(Api.register(on(i % 2 == 0 ? a : b), "outage"));
            }
            // The outage lasts until every one of these mails has failed at least three times.
            String[] usernames = users.stream().map(Registered::username).toArray(String[]::new);
            Await.until("each mail retried while SMTP is down", Duration.ofSeconds(60), () -> replicas.database.number("""
                    SELECT count(*) FROM event_deliveries d JOIN outbox_events e ON e.id = d.event_id
                    JOIN users u ON u.id = (e.payload->>'userId')::bigint
                    WHERE d.consumer = 'mail' AND d.status = 'retrying' AND d.attempts >= 3 AND u.username = ANY(?)""",
                    (Object) usernames) >= users.size());
        } finally {
            replicas.smtp.restart();
        }

        for (Registered user : users) {
            replicas.mailbox().await(user.email(), "Confirm your e-mail address", Duration.ofSeconds(60));
        }
        Registered marker = Api.register(on(a), "marker");
        replicas.mailbox().await(marker.email(), "Confirm", Duration.ofSeconds(60));
        for (Registered user : users) {
            assertThat(replicas.mailbox().to(user.email())).as("mails to %s", user.email()).hasSize(1);
        }
    }

    private static RequestSpecification on(PackagedApp app) {
        return anonymous().port(app.port);
    }
}
