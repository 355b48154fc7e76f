package io.inkwell.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.inkwell.config.EventSettings;
import io.inkwell.config.InkwellConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Starts and stops the pipeline with the application: the relay, one {@link ConsumerLoop} per
 * {@link EventConsumer} bean, and the periodic chores (due retries, reconciling, purging, gauges).
 */
@ApplicationScoped
public class EventPipeline {

    private static final Logger LOG = Logger.getLogger(EventPipeline.class);

    private final Map<String, EventConsumer> consumers = new LinkedHashMap<>();
    private final Map<String, List<String>> consumersByType = new HashMap<>();
    private final Map<String, ConsumerLoop> loops = new LinkedHashMap<>();
    private final EventRelay relay;
    private final EventHandling handling;
    private final EventStream stream;
    private final Deliveries deliveries;
    private final Housekeeping housekeeping;
    private final EventSettings settings;
    private ScheduledExecutorService chores;

    EventPipeline(Instance<EventConsumer> beans, EventRelay relay, EventHandling handling, EventStream stream,
            Deliveries deliveries, Housekeeping housekeeping, InkwellConfig config) {
        for (EventConsumer consumer : beans) {
            consumers.put(consumer.name(), consumer);
            consumer.types().forEach(type -> consumersByType.computeIfAbsent(type, t -> new ArrayList<>()).add(consumer.name()));
        }
        this.relay = relay;
        this.handling = handling;
        this.stream = stream;
        this.deliveries = deliveries;
        this.housekeeping = housekeeping;
        this.settings = config.events();
    }

    void start(@Observes StartupEvent startup) {
        String member = memberName();
        for (EventConsumer consumer : consumers.values()) {
            ConsumerLoop loop = new ConsumerLoop(consumer, member, stream, handling, this::consumersOf,
                    relay::republishUnfinished, settings);
            loops.put(consumer.name(), loop);
            loop.start();
        }
        relay.start(() -> loops.values().forEach(ConsumerLoop::wake));
        chores = Executors.newSingleThreadScheduledExecutor(task -> Thread.ofPlatform()
                .name("inkwell-events-chores").daemon().unstarted(task));
        every(Duration.ofMillis(Math.max(50, settings.pollInterval().toMillis() * 5)), this::retryDue);
        every(settings.redeliverAfter().dividedBy(5), () -> housekeeping.reconcile(this::consumersOf));
        every(Duration.ofSeconds(5), () -> housekeeping.refreshGauges(consumers.keySet()));
        every(Duration.ofHours(1), housekeeping::purge);
        LOG.infof("Event pipeline started as %s with consumers %s", member, consumers.keySet());
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (chores != null) {
            chores.shutdownNow();
        }
        relay.stop();
        for (ConsumerLoop loop : loops.values()) {
            loop.stop(Duration.ofSeconds(5));
        }
    }

    /** The consumers of an event type, by name. */
    Collection<String> consumersOf(String type) {
        return consumersByType.getOrDefault(type, List.of());
    }

    Set<String> consumerNames() {
        return consumers.keySet();
    }

    private void retryDue() {
        Duration lease = settings.claimIdle().multipliedBy(2);
        for (Deliveries.Due due : deliveries.claimDue(consumers.keySet(), settings.batchSize(), lease)) {
            ConsumerLoop loop = loops.get(due.consumer());
            EventConsumer consumer = consumers.get(due.consumer());
            loop.submit(() -> handling.handle(consumer, due.eventId(), due.type(), true, this::consumersOf));
        }
    }

    private void every(Duration period, Runnable chore) {
        long millis = Math.max(10, period.toMillis());
        chores.scheduleWithFixedDelay(() -> {
            try {
                chore.run();
            } catch (RuntimeException e) {
                LOG.debugf("Event chore failed (it runs again): %s", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** This process's name in the consumer groups: the host (the pod's name) and a random part. */
    private static String memberName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "inkwell");
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
