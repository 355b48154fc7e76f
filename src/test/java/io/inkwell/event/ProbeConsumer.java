package io.inkwell.event;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A consumer for the pipeline's own tests, of event types no business code writes. It counts every
 * invocation and every committed handling by the payload's {@code mark}, and fails on demand:
 * {@code test.flaky} for its first {@code failures} attempts, {@code test.poison} always.
 */
@ApplicationScoped
public class ProbeConsumer implements EventConsumer {

    static final String OK = "test.ok";
    static final String FLAKY = "test.flaky";
    static final String POISON = "test.poison";

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<String> handled = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public Set<String> types() {
        return Set.of(OK, FLAKY, POISON);
    }

    @Override
    public void handle(StoredEvent event) {
        String mark = event.payload().getString("mark");
        int attempt = attempts.computeIfAbsent(mark, m -> new AtomicInteger()).incrementAndGet();
        if (POISON.equals(event.type()) || FLAKY.equals(event.type()) && attempt <= event.payload().getInteger("failures")) {
            throw new IllegalStateException("probe failure " + attempt + " of " + mark);
        }
        handled.add(mark);
    }

    int attempts(String mark) {
        AtomicInteger count = attempts.get(mark);
        return count == null ? 0 : count.get();
    }

    /** Successful handlings of {@code mark} (their transaction may still be committing). */
    long handled(String mark) {
        return handled.stream().filter(mark::equals).count();
    }
}
