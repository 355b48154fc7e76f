package io.inkwell.ratelimit;

import java.util.List;
import java.util.stream.Collectors;

/** Whether a request may go on, and where it leaves each limit it was charged to. */
record Decision(boolean allowed, List<Usage> usages) {

    /** What is left of one limit, and in how many seconds its window ends. */
    record Usage(Limit limit, long remaining, long resetSeconds) {
    }

    /** Seconds until every exhausted limit has a count to spare again. */
    long retryAfterSeconds() {
        return usages.stream().filter(u -> u.remaining() == 0).mapToLong(Usage::resetSeconds).max().orElse(1);
    }

    /** {@code RateLimit-Policy}: structured-field list, draft-ietf-httpapi-ratelimit-headers. */
    String policyHeader() {
        return usages.stream()
                .map(u -> "\"" + u.limit().name() + "\";q=" + u.limit().quota() + ";w=" + u.limit().window().toSeconds())
                .collect(Collectors.joining(", "));
    }

    /** {@code RateLimit}: remaining quota and seconds to the window's end, per policy. */
    String stateHeader() {
        return usages.stream()
                .map(u -> "\"" + u.limit().name() + "\";r=" + u.remaining() + ";t=" + u.resetSeconds())
                .collect(Collectors.joining(", "));
    }

    /** Built from per-charge counts and milliseconds left, as both Redis and LocalWindows report them. */
    static Decision of(boolean allowed, List<Charge> charges, long[] counts, long[] ttlMillis) {
        List<Usage> usages = new java.util.ArrayList<>(charges.size());
        for (int i = 0; i < charges.size(); i++) {
            Limit limit = charges.get(i).limit();
            long reset = ttlMillis[i] > 0 ? (ttlMillis[i] + 999) / 1000 : limit.window().toSeconds();
            usages.add(new Usage(limit, Math.max(0, limit.quota() - counts[i]), reset));
        }
        return new Decision(allowed, List.copyOf(usages));
    }
}
