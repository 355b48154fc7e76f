package io.inkwell.event;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.inkwell.config.EventSettings;

/**
 * One consumer in this replica: reads new entries for its group, now and then takes over entries
 * left unacknowledged for {@code claim-idle} (by a replica that died, say), and hands each to a
 * small pool of workers. Reads never block on Redis: when there is nothing new the loop waits for a
 * wake-up from this replica's relay or for the poll interval, and while Redis is away it backs off.
 */
final class ConsumerLoop {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final Backoff PAUSE = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    private final EventConsumer consumer;
    private final String member;
    private final EventStream stream;
    private final EventHandling handling;
    private final Function<String, Collection<String>> consumersOf;
    private final Runnable streamLost;
    private final EventSettings settings;
    private final Semaphore slots;
    private final Semaphore wake = new Semaphore(0);
    private final ExecutorService workers;
    private volatile boolean running = true;
    private Thread thread;

    ConsumerLoop(EventConsumer consumer, String member, EventStream stream, EventHandling handling,
            Function<String, Collection<String>> consumersOf, Runnable streamLost, EventSettings settings) {
        this.consumer = consumer;
        this.member = member;
        this.stream = stream;
        this.handling = handling;
        this.consumersOf = consumersOf;
        this.streamLost = streamLost;
        this.settings = settings;
        this.slots = new Semaphore(settings.concurrency());
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.concurrency(), task -> Thread.ofPlatform()
                .name("inkwell-events-" + consumer.name() + "-" + count.incrementAndGet()).daemon().unstarted(task));
    }

    void start() {
        thread = Thread.ofPlatform().name("inkwell-events-" + consumer.name()).daemon().start(this::run);
    }

    void wake() {
        wake.release();
    }

    void stop(Duration grace) throws InterruptedException {
        running = false;
        wake.release();
        thread.join(grace.toMillis());
        workers.shutdown();
        workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS); // the unfinished stay unacknowledged
    }

    private void run() {
        boolean grouped = false;
        int failures = 0;
        long nextClaim = 0;
        while (running) {
            try {
                if (!grouped) {
                    EventStream.GroupState group = stream.createGroup(consumer.name());
                    if (group == EventStream.GroupState.UNAVAILABLE) {
                        pause(++failures);
                        continue;
                    }
                    grouped = true;
                    if (group == EventStream.GroupState.CREATED) {
                        streamLost.run();
                    }
                }
                slots.acquire(); // at least one worker free
                int free = slots.availablePermits() + 1;
                slots.release();
                boolean claiming = System.nanoTime() >= nextClaim;
                EventStream.Batch batch = claiming
                        ? stream.claimIdle(consumer.name(), member, settings.claimIdle(), free)
                        : stream.readNew(consumer.name(), member, free);
                if (claiming) {
                    nextClaim = System.nanoTime() + Math.max(settings.claimIdle().toNanos() / 4, settings.pollInterval().toNanos());
                }
                switch (batch.state()) {
                    case UNAVAILABLE -> {
                        pause(++failures);
                        continue;
                    }
                    case GROUP_MISSING -> {
                        grouped = false;
                        continue;
                    }
                    case OK -> failures = 0;
                }
                for (EventStream.Message message : batch.messages()) {
                    submit(() -> process(message));
                }
                if (batch.messages().isEmpty() && !claiming) {
                    wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "Consumer %s stumbled; it goes on", consumer.name());
                pauseQuietly(++failures);
            }
        }
    }

    /** Runs {@code work} on a free worker, waiting for one; dropped when shutting down (it is retried elsewhere). */
    void submit(Runnable work) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            workers.execute(() -> {
                try {
                    work.run();
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException rejected) {
            slots.release();
        }
    }

    private void process(EventStream.Message message) {
        EventStream.Entry entry = message.entry();
        boolean settled = entry == null
                || !consumer.types().contains(entry.type())
                || handling.handle(consumer, entry.eventId(), entry.type(), false, consumersOf);
        if (settled) {
            stream.ack(consumer.name(), message.streamId());
        }
    }

    private void pause(int failures) throws InterruptedException {
        wake.tryAcquire(PAUSE.delay(failures).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pauseQuietly(int failures) {
        try {
            pause(failures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
