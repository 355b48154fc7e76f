package io.inkwell.config;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/** {@code inkwell.events.*}: the outbox, its relay to Redis Streams, and the consumers (see io.inkwell.event). */
public interface EventSettings {

    /** How often each consumer asks Redis for new events when nothing woke it earlier. */
    @WithDefault("100ms")
    Duration pollInterval();

    /** How often the relay looks for events that nothing woke it for (written by a replica that died, or while Redis was away). */
    @WithDefault("1s")
    Duration relayInterval();

    /** Events relayed, or read from the stream, per round. */
    @WithDefault("100")
    int batchSize();

    /** Events each consumer handles at once in one replica. */
    @WithDefault("4")
    int concurrency();

    /** How long an event may sit unacknowledged with one consumer before another replica takes it over. */
    @WithDefault("30s")
    Duration claimIdle();

    /** Attempts (the first included) before an event is dead-lettered for a consumer. */
    @WithDefault("15")
    int maxAttempts();

    /** Wait before the first retry; each later retry waits twice as long, with jitter, up to {@link #backoffMax()}. */
    @WithDefault("1s")
    Duration backoffInitial();

    @WithDefault("10m")
    Duration backoffMax();

    /** How long a published event may stay unhandled before it is sent through Redis again (Redis lost it). */
    @WithDefault("5m")
    Duration redeliverAfter();

    /** How long handled events stay in the outbox; dead letters stay until removed. */
    @WithDefault("7d")
    Duration retention();

    /** Entries the stream keeps (approximately); PostgreSQL, not the stream, is the record. */
    @WithDefault("100000")
    long streamMaxLength();

    /**
     * The longest one Redis call of the pipeline (or of live updates) may take. These calls never run
     * on a request's thread, so this may be longer than the request path's Redis timeout.
     */
    @WithDefault("1s")
    Duration redisTimeout();
}
