package io.inkwell.event;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.inkwell.support.Api;
import io.inkwell.support.Api.Registered;
import io.inkwell.support.Await;
import io.inkwell.support.LiveClient;
import io.inkwell.support.PackagedApp;
import io.inkwell.support.Replicas;
import io.restassured.specification.RequestSpecification;

/**
 * No committed event is lost when a replica is killed with work in flight, or when Redis restarts
 * empty: PostgreSQL holds every event and every consumer's outcome, and the survivors finish the rest.
 */
class CrashRecoveryIT {

    private static final int FOLLOWERS = 40;
    private static Replicas replicas;
    private static PackagedApp a;
    private static PackagedApp b;

    @BeforeAll
    static void start() throws Exception {
        replicas = Replicas.start("crash-recovery-it", 2, Map.of("inkwell.password.bcrypt-cost", "4"));
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
    void shouldLoseNoEventWhenAReplicaIsKilledWithWorkInFlight() throws Exception {
        Registered author = Api.register(on(b), "killed");
        List<Registered> fans = registerAll("kfan", FOLLOWERS);
        replicas.smtp.stop(); // A's mail consumer holds failing mails, leased for their next attempt
        Registered waiting = Api.register(on(a), "kwaiting");
        AtomicInteger followed = new AtomicInteger();
        Thread following = Thread.ofVirtual().start(() -> {
            for (Registered fan : fans) {
                try {
                    as(fan).port(a.port).post("/api/profiles/{username}/follow", author.username()).then().statusCode(200);
                    followed.incrementAndGet();
                } catch (RuntimeException | AssertionError killed) {
                    return; // A is gone: this request and the rest never happened, or (one) committed unanswered
                }
            }
        });

        Await.until("half the follows through A", Duration.ofSeconds(60), () -> followed.get() >= FOLLOWERS / 2);
        replicas.kill(0); // while follow requests, and the events they write, are still coming in
        following.join();
        long unfinished = replicas.database.number("SELECT count(*) FROM outbox_events WHERE completed_at IS NULL");
        System.out.printf("Follows answered by A before it was killed: %d of %d; events unfinished then: %d%n",
                followed.get(), FOLLOWERS, unfinished);
        replicas.smtp.restart();

        Await.until(followed.get() + " follow notifications, through B", Duration.ofSeconds(90),
                () -> notifications(author) >= followed.get());
        replicas.mailbox().await(waiting.email(), "Confirm your e-mail address", Duration.ofSeconds(90));
        assertThat(replicas.mailbox().to(waiting.email())).hasSize(1);
        assertThat(notifications(author)).as("one per answered follow, plus at most the one cut off")
                .isBetween(followed.get(), followed.get() + 1);
    }

    @Test
    void shouldLoseNoEventWhenRedisRestartsEmpty() throws Exception {
        Registered author = Api.register(on(b), "emptied");
        List<Registered> fans = registerAll("rfan", FOLLOWERS);
        String slug = as(author).port(b.port).body(Map.of("article", Map.of("title", Api.unique("Survivor"),
                "description", "d", "body", "b", "tagList", List.of()))).post("/api/articles")
                .then().statusCode(201).extract().path("article.slug");
        try (LiveClient watcher = LiveClient.connect(LiveClient.uri(b.port), null)) {
            watcher.subscribe(slug);
            for (int i = 0; i < FOLLOWERS / 2; i++) {
                as(fans.get(i)).port(b.port).post("/api/profiles/{username}/follow", author.username()).then().statusCode(200);
            }

            double subscriptions = Replicas.metric(b, "inkwell_live_subscriptions_total");
            replicas.redis.kill();
            List<Long> millis = new ArrayList<>();
            for (int i = FOLLOWERS / 2; i < FOLLOWERS; i++) {
                long started = System.nanoTime();
                as(fans.get(i)).port(b.port).post("/api/profiles/{username}/follow", author.username()).then().statusCode(200);
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
            System.out.printf("Follow requests while Redis was down, ms: %s%n", millis);
            replicas.redis.restart();

            Await.until(FOLLOWERS + " follow notifications after Redis came back empty", Duration.ofSeconds(90),
                    () -> notifications(author) == FOLLOWERS);
            // Live messages published while a replica is not subscribed are gone (pub/sub); clients catch up
            // through REST. Once B has subscribed again, comments reach its clients again.
            Await.until("B subscribed to live fan-out again", Duration.ofSeconds(60),
                    () -> Replicas.metric(b, "inkwell_live_subscriptions_total") > subscriptions);
            as(fans.get(0)).port(b.port).body(Map.of("comment", Map.of("body", "after the restart")))
                    .post("/api/articles/{slug}/comments", slug).then().statusCode(200);
            watcher.awaitReceived(m -> "comment".equals(m.getString("type")), Duration.ofSeconds(60));
        }
        assertThat(notifications(author)).isEqualTo(FOLLOWERS);
    }

    private static List<Registered> registerAll(String prefix, int count) {
        List<Registered> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(Api.register(on(b), prefix));
        }
        return users;
    }

    /** Follow notifications of {@code user}. */
    private static int notifications(Registered user) {
        return as(user).port(b.port).queryParam("limit", 100).get("/api/notifications")
                .then().statusCode(200).extract().jsonPath().getList("notifications.findAll { it.type == 'follow' }").size();
    }

    private static RequestSpecification on(PackagedApp app) {
        return anonymous().port(app.port);
    }
}
