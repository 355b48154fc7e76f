package io.inkwell.common.redis;

/**
 * Fired, synchronously, when Redis stops or starts answering (the breaker opened, or closed again).
 * Observers must be quick and must not call Redis themselves: they run inside the breaker's change.
 */
public record RedisAvailability(boolean available) {
}
