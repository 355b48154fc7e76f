package io.inkwell.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.inkwell.common.persistence.Jdbc;
import io.inkwell.support.Api;
import io.inkwell.support.Await;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** The pipeline on the real embedded PostgreSQL and Redis, through a probe consumer. */
@QuarkusTest
class EventPipelineTest {

    @Inject
    Outbox outbox;

    @Inject
    ProbeConsumer probe;

    @Inject
    Jdbc jdbc;

    @Inject
    RedisDataSource redis;

    @Test
    void shouldHandleACommittedEventOnceAndMarkItComplete() {
        String mark = Api.unique("ok");
        long id = write(ProbeConsumer.OK, mark);

        Await.until("event handled and complete", () -> "complete".equals(stateOf(id)));
        assertThat(probe.handled(mark)).isEqualTo(1);
        assertThat(delivery(id)).containsEntry("status", "handled").containsEntry("attempts", 1);
    }

    @Test
    void shouldNeverDeliverAnEventWhoseTransactionRolledBack() {
        String rolledBack = Api.unique("rolled-back");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.write(ProbeConsumer.OK, new JsonObject().put("mark", rolledBack));
            throw new IllegalStateException("the change fails after its event was written");
        })).isInstanceOf(IllegalStateException.class);
        String later = Api.unique("later");
        long laterId = write(ProbeConsumer.OK, later);

        Await.until("the later event handled", () -> "complete".equals(stateOf(laterId)));
        assertThat(probe.attempts(rolledBack)).isZero();
        assertThat(count("SELECT count(*) FROM outbox_events WHERE payload->>'mark' = ?", rolledBack)).isZero();
    }

    @Test
    void shouldGiveADuplicatedStreamEntryNoSecondEffect() {
        String mark = Api.unique("twice");
        long id = write(ProbeConsumer.OK, mark);
        Await.until("first delivery handled", () -> "complete".equals(stateOf(id)));

        String duplicate = redis.stream(String.class).xadd(EventStream.KEY, Map.of("id", Long.toString(id), "type", ProbeConsumer.OK));
        long laterId = write(ProbeConsumer.OK, Api.unique("after-duplicate")); // read after the duplicate

        Await.until("a later event handled", () -> "complete".equals(stateOf(laterId)));
        Await.until("duplicate acknowledged by the probe group", () -> redis.stream(String.class)
                .xpending(EventStream.KEY, "probe", StreamRange.of(duplicate, duplicate), 10).isEmpty());
        assertThat(probe.attempts(mark)).isEqualTo(1);
        assertThat(probe.handled(mark)).isEqualTo(1);
    }

    @Test
    void shouldRetryAFailingHandlerWithBackoffUntilItSucceeds() {
        String mark = Api.unique("flaky");
        long id = write(ProbeConsumer.FLAKY, mark, 2);

        Await.until("flaky event handled", () -> "complete".equals(stateOf(id)));
        assertThat(probe.attempts(mark)).isEqualTo(3);
        assertThat(probe.handled(mark)).isEqualTo(1);
        assertThat(delivery(id)).containsEntry("status", "handled").containsEntry("attempts", 3);
    }

    @Test
    void shouldDeadLetterAnEventAfterTheLastAttemptAndKeepItInspectable() {
        String mark = Api.unique("poison");
        long id = write(ProbeConsumer.POISON, mark);

        Await.until("poison event dead-lettered", () -> "complete".equals(stateOf(id)));
        assertThat(probe.attempts(mark)).isEqualTo(4); // %test.inkwell.events.max-attempts
        assertThat(delivery(id)).containsEntry("status", "dead").containsEntry("attempts", 4);
        Map<String, Object> letter = jdbc.query(
                "SELECT consumer, type, last_error FROM event_dead_letters WHERE event_id = ?", List.of(id), rows -> {
                    assertThat(rows.next()).isTrue();
                    return Map.of("consumer", rows.getString(1), "type", rows.getString(2), "error", rows.getString(3));
                });
        assertThat(letter).containsEntry("consumer", "probe").containsEntry("type", ProbeConsumer.POISON);
        assertThat((String) letter.get("error")).contains("probe failure 4");
    }

    @Test
    void shouldTakeOverAnEntryThatADeadReplicaReadAndNeverAcknowledged() {
        String mark = Api.unique("orphan");
        long id = writePublished(ProbeConsumer.OK, mark);

        // A replica that reads the entry and dies: it stays pending with "ghost" until claim-idle passes.
        redis.execute("EVAL", """
                redis.call('XADD', KEYS[1], '*', 'id', ARGV[1], 'type', ARGV[2])
                return redis.call('XREADGROUP', 'GROUP', 'probe', 'ghost', 'COUNT', '1000', 'STREAMS', KEYS[1], '>')""",
                "1", EventStream.KEY, Long.toString(id), ProbeConsumer.OK);

        Await.until("orphaned entry taken over and handled", () -> "complete".equals(stateOf(id)));
        assertThat(probe.handled(mark)).isEqualTo(1);
    }

    @Test
    void shouldSendUnfinishedEventsAgainWhenRedisLosesTheStream() {
        String mark = Api.unique("lost");
        long id = writePublished(ProbeConsumer.OK, mark); // relayed, but the entry is gone with the stream

        redis.key(String.class).del(EventStream.KEY); // as a Redis restarted without persistence would be

        Await.until("lost event handled", () -> "complete".equals(stateOf(id)));
        assertThat(probe.handled(mark)).isEqualTo(1);
    }

    @Test
    void shouldSendAgainAnEventPublishedLongAgoThatNoConsumerRecorded() {
        String mark = Api.unique("forgotten");
        long id = writePublished(ProbeConsumer.OK, mark);
        jdbc.update("UPDATE outbox_events SET published_at = now() - interval '1 hour' WHERE id = ?", id);

        Await.until("forgotten event handled", () -> "complete".equals(stateOf(id)));
        assertThat(probe.handled(mark)).isEqualTo(1);
    }

    private long write(String type, String mark) {
        return write(type, mark, 0);
    }

    private long write(String type, String mark, int failures) {
        QuarkusTransaction.requiringNew().run(() -> outbox.write(type, new JsonObject().put("mark", mark).put("failures", failures)));
        return count("SELECT id FROM outbox_events WHERE payload->>'mark' = ?", mark);
    }

    /** An event the relay leaves alone: as if relayed already. */
    private long writePublished(String type, String mark) {
        return jdbc.query("INSERT INTO outbox_events (type, payload, published_at) VALUES (?, CAST(? AS jsonb), now()) RETURNING id",
                List.of(type, new JsonObject().put("mark", mark).encode()), rows -> {
                    rows.next();
                    return rows.getLong(1);
                });
    }

    private String stateOf(long id) {
        return jdbc.query("SELECT published_at IS NOT NULL, completed_at IS NOT NULL FROM outbox_events WHERE id = ?", List.of(id),
                rows -> !rows.next() ? "gone" : rows.getBoolean(2) ? "complete" : rows.getBoolean(1) ? "published" : "waiting");
    }

    private Map<String, Object> delivery(long id) {
        return jdbc.query("SELECT status, attempts FROM event_deliveries WHERE event_id = ? AND consumer = 'probe'", List.of(id),
                rows -> rows.next() ? Map.of("status", rows.getString(1), "attempts", rows.getInt(2)) : Map.of());
    }

    private long count(String sql, Object parameter) {
        return jdbc.query(sql, List.of(parameter), rows -> rows.next() ? rows.getLong(1) : 0L);
    }
}
