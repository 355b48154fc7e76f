package io.inkwell.ratelimit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed windows of windows.lua, in this replica's memory: the fallback while Redis is away, with
 * the same limits and the same answers. Each replica then counts on its own.
 */
final class LocalWindows {

    private static final int SWEEP_EVERY = 1024;

    private final Map<String, Window> windows = new HashMap<>();
    private int operations;

    private static final class Window {
        long count;
        long endsAtNanos;
    }

    synchronized Decision apply(List<Charge> charges, boolean refund) {
        long now = System.nanoTime();
        sweep(now);
        boolean allowed = true;
        if (!refund) {
            for (Charge charge : charges) {
                Window window = current(charge.key(), now);
                allowed &= window == null || window.count < charge.limit().quota();
            }
        }
        long[] counts = new long[charges.size()];
        long[] ttls = new long[charges.size()];
        for (int i = 0; i < charges.size(); i++) {
            Charge charge = charges.get(i);
            Window window = current(charge.key(), now);
            if (refund && window != null && window.count > 0) {
                window.count--;
            } else if (!refund && allowed) {
                if (window == null) {
                    window = new Window();
                    window.endsAtNanos = now + charge.limit().window().toNanos();
                    windows.put(charge.key(), window);
                }
                window.count++;
            }
            counts[i] = window == null ? 0 : window.count;
            ttls[i] = window == null ? -2 : (window.endsAtNanos - now) / 1_000_000;
        }
        return Decision.of(allowed, charges, counts, ttls);
    }

    private Window current(String key, long now) {
        Window window = windows.get(key);
        return window == null || window.endsAtNanos - now <= 0 ? null : window;
    }

    private void sweep(long now) {
        if (++operations % SWEEP_EVERY == 0) {
            windows.values().removeIf(window -> window.endsAtNanos - now <= 0);
        }
    }
}
