package io.inkwell.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a condition until it holds or a generous limit passes (CPUs are shared by builds here). */
public final class Await {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, PATIENCE, condition);
    }

    public static void until(String what, Duration limit, BooleanSupplier condition) {
        value(what, limit, condition::getAsBoolean, Boolean.TRUE::equals);
    }

    /** The first value of {@code supplier} that {@code accepted} takes. */
    public static <T> T value(String what, Duration limit, Supplier<T> supplier, Predicate<T> accepted) {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = null;
        while (true) {
            last = supplier.get();
            if (accepted.test(last)) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + limit.toSeconds() + " s for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }
}
