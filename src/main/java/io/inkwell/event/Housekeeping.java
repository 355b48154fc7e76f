package io.inkwell.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.inkwell.common.persistence.Jdbc;
import io.inkwell.config.EventSettings;
import io.inkwell.config.InkwellConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The pipeline's periodic chores. Reconciling: an event published long ago that some consumer never
 * recorded (Redis lost the entry: restarted, flushed, trimmed) is sent again; one every consumer
 * settled is marked complete. Purging: complete events leave the outbox after {@code retention},
 * except dead letters. Reconciling and purging run in one replica at a time.
 */
@ApplicationScoped
class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    private static final long LOCK = 0x1e7e_0e7eL; // advisory lock shared by every replica

    private final Jdbc jdbc;
    private final EventStream stream;
    private final EventMetrics metrics;
    private final EventSettings settings;

    Housekeeping(Jdbc jdbc, EventStream stream, EventMetrics metrics, InkwellConfig config) {
        this.jdbc = jdbc;
        this.stream = stream;
        this.metrics = metrics;
        this.settings = config.events();
    }

    /** @return events sent through the stream again */
    int reconcile(Function<String, Collection<String>> consumersOf) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!lockedForThisReplica()) {
                return 0;
            }
            Map<Long, String> stale = jdbc.query("""
                    SELECT id, type FROM outbox_events
                    WHERE completed_at IS NULL AND published_at < now() - ? * interval '1 millisecond'
                    ORDER BY published_at LIMIT 500""", List.of(settings.redeliverAfter().toMillis()), rows -> {
                        Map<Long, String> found = new HashMap<>();
                        while (rows.next()) {
                            found.put(rows.getLong(1), rows.getString(2));
                        }
                        return found;
                    });
            Map<Long, Map<String, String>> statuses = statusesOf(stale.keySet());
            List<Long> resend = new ArrayList<>();
            List<Long> waiting = new ArrayList<>();
            List<Long> complete = new ArrayList<>();
            stale.forEach((id, type) -> {
                Map<String, String> recorded = statuses.getOrDefault(id, Map.of());
                Collection<String> expected = consumersOf.apply(type);
                if (!recorded.keySet().containsAll(expected)) {
                    resend.add(id);
                } else if (expected.stream().allMatch(c -> !"retrying".equals(recorded.get(c)))) {
                    complete.add(id);
                } else {
                    waiting.add(id); // a retry is scheduled: look again later
                }
            });
            jdbc.update("UPDATE outbox_events SET published_at = NULL WHERE id = ANY(?)", (Object) resend.toArray(Long[]::new));
            jdbc.update("UPDATE outbox_events SET published_at = now() WHERE id = ANY(?)", (Object) waiting.toArray(Long[]::new));
            jdbc.update("UPDATE outbox_events SET completed_at = now() WHERE id = ANY(?)", (Object) complete.toArray(Long[]::new));
            if (!resend.isEmpty()) {
                LOG.infof("%d events published over %s ago were never handled by every consumer; sending them again",
                        resend.size(), settings.redeliverAfter());
            }
            return resend.size();
        });
    }

    void purge() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (lockedForThisReplica()) {
                jdbc.update("""
                        DELETE FROM outbox_events WHERE id IN (
                            SELECT e.id FROM outbox_events e
                            WHERE e.completed_at < now() - ? * interval '1 millisecond'
                            AND NOT EXISTS (SELECT 1 FROM event_deliveries d WHERE d.event_id = e.id AND d.status <> 'handled')
                            LIMIT 10000)""", settings.retention().toMillis());
            }
        });
    }

    void refreshGauges(Set<String> consumers) {
        metrics.backlog(jdbc.query("SELECT count(*) FROM outbox_events WHERE published_at IS NULL", List.of(),
                rows -> rows.next() ? rows.getLong(1) : 0L));
        for (String consumer : consumers) {
            stream.stats(consumer).ifPresent(stats -> metrics.stream(consumer, stats.lag(), stats.pending()));
        }
    }

    private boolean lockedForThisReplica() {
        return jdbc.query("SELECT pg_try_advisory_xact_lock(?)", List.of(LOCK), rows -> rows.next() && rows.getBoolean(1));
    }

    private Map<Long, Map<String, String>> statusesOf(Collection<Long> eventIds) {
        return jdbc.query("SELECT event_id, consumer, status FROM event_deliveries WHERE event_id = ANY(?)",
                List.of((Object) eventIds.toArray(Long[]::new)), rows -> {
                    Map<Long, Map<String, String>> statuses = new HashMap<>();
                    while (rows.next()) {
                        statuses.computeIfAbsent(rows.getLong(1), id -> new HashMap<>()).put(rows.getString(2), rows.getString(3));
                    }
                    return statuses;
                });
    }
}
