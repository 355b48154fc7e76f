package io.inkwell.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(10));

    @Test
    void shouldDoubleTheCeilingPerAttemptUpToTheMaximum() {
        assertThat(backoff.ceilingMillis(1)).isEqualTo(1_000);
        assertThat(backoff.ceilingMillis(2)).isEqualTo(2_000);
        assertThat(backoff.ceilingMillis(5)).isEqualTo(16_000);
        assertThat(backoff.ceilingMillis(11)).isEqualTo(600_000);
        assertThat(backoff.ceilingMillis(1_000)).isEqualTo(600_000);
    }

    @Test
    void shouldDrawEachWaitBetweenHalfAndAllOfItsCeiling() {
        for (int attempt = 1; attempt <= 20; attempt++) {
            long ceiling = backoff.ceilingMillis(attempt);
            for (int draw = 0; draw < 50; draw++) {
                assertThat(backoff.delay(attempt).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void shouldSpreadWaitsSoReplicasDoNotRetryInLockstep() {
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.delay(6)).distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }
}
