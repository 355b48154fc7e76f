package io.inkwell.event;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The pipeline's meters at /q/metrics: outbox backlog, stream lag and pending entries per consumer,
 * handled / retried / dead-lettered counts and handler time per consumer and event type, and the
 * delivery latency from commit to handled.
 */
@ApplicationScoped
class EventMetrics {

    private final MeterRegistry registry;
    private final AtomicLong backlog = new AtomicLong();
    private final Map<String, AtomicLong> lagMillis = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();

    EventMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("inkwell.events.outbox.backlog", backlog, AtomicLong::get)
                .description("Committed events not yet relayed to Redis (they wait while Redis is away)")
                .register(registry);
    }

    void handled(String consumer, String type, Duration handling, Duration sinceCommit) {
        counter("inkwell.events.handled", "Events handled", consumer, type).increment();
        Timer.builder("inkwell.events.handling").description("Time a consumer took to handle an event")
                .tags("consumer", consumer, "type", type).publishPercentileHistogram().register(registry).record(handling);
        Timer.builder("inkwell.events.delivery").description("Time from an event's commit to its handling")
                .tags("consumer", consumer).publishPercentileHistogram().register(registry).record(sinceCommit);
    }

    void retried(String consumer, String type) {
        counter("inkwell.events.retried", "Failed handlings scheduled for a retry", consumer, type).increment();
    }

    void deadLettered(String consumer, String type) {
        counter("inkwell.events.dead.lettered", "Events given up on after the last attempt", consumer, type).increment();
    }

    void backlog(long unpublished) {
        backlog.set(unpublished);
    }

    /** Age of the oldest entry the group has not yet been given, and entries given but not acknowledged. */
    void stream(String consumer, Duration lag, long unacknowledged) {
        gauge(lagMillis, "inkwell.events.stream.lag", "Age of the oldest stream entry not yet read by the group",
                consumer, "seconds").set(lag.toMillis());
        gauge(pending, "inkwell.events.stream.pending", "Stream entries read by the group and not yet acknowledged",
                consumer, null).set(unacknowledged);
    }

    private Counter counter(String name, String description, String consumer, String type) {
        return Counter.builder(name).description(description).tags("consumer", consumer, "type", type).register(registry);
    }

    private AtomicLong gauge(Map<String, AtomicLong> values, String name, String description, String consumer, String unit) {
        return values.computeIfAbsent(consumer, c -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, v -> unit == null ? v.get() : v.get() / 1000.0)
                    .description(description).baseUnit(unit).tag("consumer", c).register(registry);
            return value;
        });
    }
}
