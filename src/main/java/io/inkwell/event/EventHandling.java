package io.inkwell.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

/**
 * Handles one event for one consumer: the handler and the record of its success commit together;
 * a failure is recorded (retry, or dead letter) in a transaction of its own. Only once one of the
 * two is recorded may the stream entry be acknowledged.
 */
@ApplicationScoped
class EventHandling {

    private static final Logger LOG = Logger.getLogger(EventHandling.class);

    private final Deliveries deliveries;
    private final EventMetrics metrics;

    EventHandling(Deliveries deliveries, EventMetrics metrics) {
        this.deliveries = deliveries;
        this.metrics = metrics;
    }

    /**
     * @param consumersOf the consumers of a type, to tell when the event is complete
     * @return whether the outcome is recorded in PostgreSQL (false when PostgreSQL could not be reached)
     */
    boolean handle(EventConsumer consumer, long eventId, String type, boolean retry,
            Function<String, Collection<String>> consumersOf) {
        long started = System.nanoTime();
        Optional<StoredEvent> handled;
        try {
            handled = QuarkusTransaction.requiringNew().call(() -> {
                Optional<StoredEvent> event = deliveries.begin(eventId, consumer.name(), retry);
                if (event.isPresent()) {
                    consumer.handle(event.get());
                }
                return event;
            });
        } catch (RuntimeException e) {
            return failed(consumer, eventId, type, e, consumersOf);
        }
        if (handled.isPresent()) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            metrics.handled(consumer.name(), type, took, Duration.between(handled.get().createdAt(), Instant.now()));
            complete(eventId, type, consumersOf);
        }
        return true;
    }

    private boolean failed(EventConsumer consumer, long eventId, String type, RuntimeException e,
            Function<String, Collection<String>> consumersOf) {
        Throwable cause = e instanceof QuarkusTransactionException && e.getCause() != null ? e.getCause() : e;
        Deliveries.Failure failure;
        try {
            failure = deliveries.recordFailure(eventId, consumer.name(), cause);
        } catch (RuntimeException unrecorded) {
            LOG.debugf("Could not record the failure of event %d for %s: %s", eventId, consumer.name(), unrecorded);
            return false; // left unacknowledged: another delivery will try again
        }
        switch (failure.outcome()) {
            case RETRYING -> {
                metrics.retried(consumer.name(), type);
                LOG.debugf(cause, "Event %d (%s) failed for %s, attempt %d; retry in %d ms",
                        eventId, type, consumer.name(), failure.attempts(), failure.delay().toMillis());
            }
            case DEAD -> {
                metrics.deadLettered(consumer.name(), type);
                LOG.warnf("Event %d (%s) dead-lettered for %s after %d attempts; last failure: %s. See event_dead_letters.",
                        eventId, type, consumer.name(), failure.attempts(), cause.getClass().getName());
                complete(eventId, type, consumersOf);
            }
            case SETTLED -> LOG.debugf("Event %d failed for %s after another handling settled it", eventId, consumer.name());
        }
        return true;
    }

    private void complete(long eventId, String type, Function<String, Collection<String>> consumersOf) {
        try {
            deliveries.completeIfDone(eventId, consumersOf.apply(type));
        } catch (RuntimeException e) {
            LOG.debugf("Could not mark event %d complete (housekeeping will): %s", eventId, e);
        }
    }
}
