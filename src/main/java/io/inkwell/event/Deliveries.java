package io.inkwell.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.common.persistence.Jdbc;
import io.inkwell.config.InkwellConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.json.JsonObject;

/**
 * Each consumer's outcome per event, in PostgreSQL: handled, retrying (when next), or dead. The
 * primary key (event, consumer) is the idempotency guard: a second handling of an event blocks on
 * the first one's uncommitted row and then finds it taken.
 */
@ApplicationScoped
class Deliveries {

    enum Outcome { RETRYING, DEAD, SETTLED }

    record Failure(Outcome outcome, int attempts, Duration delay) {
    }

    /** A retry whose time has come, leased to this replica. */
    record Due(long eventId, String type, String consumer) {
    }

    private final Jdbc jdbc;
    private final Backoff backoff;
    private final int maxAttempts;

    Deliveries(Jdbc jdbc, InkwellConfig config) {
        this.jdbc = jdbc;
        this.backoff = new Backoff(config.events().backoffInitial(), config.events().backoffMax());
        this.maxAttempts = config.events().maxAttempts();
    }

    /**
     * In the caller's transaction: takes the handling of the event for the consumer. Empty when it is
     * not (or no longer) this caller's to handle: handled or given up already, or gone. A delivery
     * from the stream may only start an event; only the retry schedule may retry one.
     */
    Optional<StoredEvent> begin(long eventId, String consumer, boolean retry) {
        int taken = retry
                ? jdbc.update("""
                        UPDATE event_deliveries SET status = 'handled', attempts = attempts + 1, next_attempt_at = NULL,
                               last_error = NULL, updated_at = now()
                        WHERE event_id = ? AND consumer = ? AND status = 'retrying'""", eventId, consumer)
                : jdbc.update("""
                        INSERT INTO event_deliveries (event_id, consumer, status, attempts)
                        SELECT id, ?, 'handled', 1 FROM outbox_events WHERE id = ? AND completed_at IS NULL
                        ON CONFLICT DO NOTHING""", consumer, eventId);
        if (taken == 0) {
            return Optional.empty();
        }
        return jdbc.query("SELECT type, payload::text, created_at FROM outbox_events WHERE id = ?", List.of(eventId),
                rows -> rows.next()
                        ? Optional.of(new StoredEvent(eventId, rows.getString(1), new JsonObject(rows.getString(2)),
                                rows.getObject(3, java.time.OffsetDateTime.class).toInstant()))
                        : Optional.empty());
    }

    /** In a transaction of its own, after the handling's transaction rolled back. */
    Failure recordFailure(long eventId, String consumer, Throwable error) {
        return QuarkusTransaction.requiringNew().call(() -> {
            jdbc.update("""
                    INSERT INTO event_deliveries (event_id, consumer, status, attempts)
                    SELECT id, ?, 'retrying', 0 FROM outbox_events WHERE id = ?
                    ON CONFLICT DO NOTHING""", consumer, eventId);
            Integer attempts = jdbc.query("""
                    SELECT attempts FROM event_deliveries WHERE event_id = ? AND consumer = ? AND status = 'retrying'
                    FOR UPDATE""", List.of(eventId, consumer), rows -> rows.next() ? rows.getInt(1) : null);
            if (attempts == null) {
                return new Failure(Outcome.SETTLED, 0, Duration.ZERO); // handled by another meanwhile, or gone
            }
            int attempt = attempts + 1;
            boolean dead = attempt >= maxAttempts;
            Duration delay = dead ? Duration.ZERO : backoff.delay(attempt);
            jdbc.update("""
                    UPDATE event_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, updated_at = now()
                    WHERE event_id = ? AND consumer = ?""",
                    dead ? "dead" : "retrying", attempt,
                    dead ? null : Instant.now().plus(delay).atOffset(java.time.ZoneOffset.UTC),
                    describe(error), eventId, consumer);
            return new Failure(dead ? Outcome.DEAD : Outcome.RETRYING, attempt, delay);
        });
    }

    /** Marks the event complete once each of {@code consumers} handled it or gave up on it. */
    void completeIfDone(long eventId, Collection<String> consumers) {
        jdbc.update("""
                UPDATE outbox_events SET completed_at = now() WHERE id = ? AND completed_at IS NULL
                AND (SELECT count(*) FROM event_deliveries
                     WHERE event_id = ? AND status IN ('handled', 'dead') AND consumer = ANY(?)) >= ?""",
                eventId, eventId, consumers.toArray(String[]::new), consumers.size());
    }

    /** Leases up to {@code limit} due retries of {@code consumers} to this replica for {@code lease}. */
    List<Due> claimDue(Collection<String> consumers, int limit, Duration lease) {
        return jdbc.query("""
                UPDATE event_deliveries d SET next_attempt_at = now() + ? * interval '1 millisecond'
                FROM outbox_events e
                WHERE e.id = d.event_id AND (d.event_id, d.consumer) IN (
                    SELECT event_id, consumer FROM event_deliveries
                    WHERE status = 'retrying' AND next_attempt_at <= now() AND consumer = ANY(?)
                    ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING d.event_id, e.type, d.consumer""",
                List.of(lease.toMillis(), consumers.toArray(String[]::new), limit), rows -> {
                    List<Due> due = new ArrayList<>();
                    while (rows.next()) {
                        due.add(new Due(rows.getLong(1), rows.getString(2), rows.getString(3)));
                    }
                    return due;
                });
    }

    private static String describe(Throwable error) {
        String text = error.getClass().getName() + ": " + error.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
