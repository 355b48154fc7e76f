package io.inkwell.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs a few requests at the same moment: every task waits at one start gate, so they reach the
 * server together rather than one after another. Bounded in threads and in time.
 */
public final class Race {

    public static final int THREADS = 8;
    private static final long TIMEOUT_SECONDS = 30;

    private Race() {
    }

    /** Runs {@code task(i)} for i in 0..count-1 at once and returns the results in that order. */
    public static <T> List<T> run(int count, IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, THREADS));
        CountDownLatch ready = new CountDownLatch(Math.min(count, THREADS));
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<T> callable = () -> {
                    ready.countDown();
                    if (!start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("start gate never opened");
                    }
                    return task.apply(index);
                };
                futures.add(pool.submit(callable));
            }
            ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
