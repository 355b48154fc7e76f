package io.inkwell.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.inkwell.common.persistence.Jdbc;
import io.inkwell.config.EventSettings;
import io.inkwell.config.InkwellConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Moves committed events from the outbox to the stream. Woken right after each commit in this
 * replica, and every {@code relay-interval} regardless, for events nobody woke it for (written while
 * Redis was away, or by a replica that died before relaying). Rows are locked while relayed, so
 * replicas never relay the same rows at once; an event relayed twice (Redis answered, the commit
 * failed) is absorbed by the consumers' bookkeeping.
 */
@ApplicationScoped
class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    private static final Backoff PAUSE = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

    private final Jdbc jdbc;
    private final EventStream stream;
    private final EventSettings settings;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile Runnable afterRelay = () -> {
    };
    private Thread thread;

    EventRelay(Jdbc jdbc, EventStream stream, InkwellConfig config) {
        this.jdbc = jdbc;
        this.stream = stream;
        this.settings = config.events();
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        wake.release();
    }

    void start(Runnable afterRelay) {
        this.afterRelay = afterRelay;
        running = true;
        thread = Thread.ofPlatform().name("inkwell-events-relay").daemon().start(this::run);
    }

    void stop() throws InterruptedException {
        running = false;
        wake.release();
        if (thread != null) {
            thread.join(5_000);
        }
    }

    /** Sends every unfinished event through the stream again: Redis lost the entries (restarted empty). */
    void republishUnfinished() {
        int reset = jdbc.update("UPDATE outbox_events SET published_at = NULL WHERE completed_at IS NULL AND published_at IS NOT NULL");
        LOG.infof("The event stream was lost in Redis; %d unfinished events are sent again", reset);
        wake.release();
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                int relayed = relayBatch();
                if (relayed < 0) {
                    wake.tryAcquire(PAUSE.delay(++failures).toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                failures = 0;
                if (relayed > 0) {
                    afterRelay.run();
                }
                if (relayed < settings.batchSize()) {
                    wake.tryAcquire(settings.relayInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.debugf("Relay round failed (PostgreSQL unreachable?): %s", e);
                try {
                    wake.tryAcquire(PAUSE.delay(++failures).toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** @return events relayed, or -1 when Redis did not take them */
    private int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<EventStream.Entry> entries = jdbc.query("""
                    SELECT id, type FROM outbox_events WHERE published_at IS NULL
                    ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""", List.of(settings.batchSize()), rows -> {
                        List<EventStream.Entry> found = new ArrayList<>();
                        while (rows.next()) {
                            found.add(new EventStream.Entry(rows.getLong(1), rows.getString(2)));
                        }
                        return found;
                    });
            if (entries.isEmpty()) {
                return 0;
            }
            if (!stream.add(entries)) {
                return -1;
            }
            Long[] ids = entries.stream().map(EventStream.Entry::eventId).toArray(Long[]::new);
            jdbc.update("UPDATE outbox_events SET published_at = now() WHERE id = ANY(?)", (Object) ids);
            return entries.size();
        });
    }
}
