package io.inkwell.event;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the n-th wait is drawn between half and all of
 * {@code initial * 2^(n-1)}, capped at {@code max}. The random half keeps replicas (and events that
 * failed together, say while SMTP was down) from retrying in lockstep.
 */
record Backoff(Duration initial, Duration max) {

    Duration delay(int attempt) {
        long ceiling = ceilingMillis(attempt);
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    long ceilingMillis(int attempt) {
        long initialMillis = Math.max(1, initial.toMillis());
        int doublings = Math.min(Math.max(attempt, 1) - 1, 40);
        long ceiling = initialMillis << Math.min(doublings, Long.numberOfLeadingZeros(initialMillis) - 1);
        return Math.min(ceiling, max.toMillis());
    }
}
