package io.inkwell.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Response times per scenario, recorded by the simulation after every request (Gatling's own
 * statistics go to its HTML report; its 3.14 report has no machine-readable summary to read back).
 * Millisecond buckets, as Gatling measures.
 */
final class Recorder {

    private static final int MAX_MILLIS = 60_000;
    private static final Map<String, Recorder> SCENARIOS = new ConcurrentHashMap<>();

    private final int[] millis = new int[MAX_MILLIS + 1];
    private long count;
    private long failures;
    private long firstStart = Long.MAX_VALUE;
    private long lastEnd;

    /** What was measured for one scenario. */
    record Line(String name, long count, long failures, double perSecond, int p50, int p90, int p99, int max) {
    }

    static void record(String scenario, int responseMillis, boolean ok) {
        SCENARIOS.computeIfAbsent(scenario, name -> new Recorder()).add(responseMillis, ok);
    }

    static Map<String, Line> lines() {
        Map<String, Line> lines = new LinkedHashMap<>();
        SCENARIOS.forEach((name, recorder) -> lines.put(name, recorder.line(name)));
        return lines;
    }

    private synchronized void add(int responseMillis, boolean ok) {
        long now = System.currentTimeMillis();
        millis[Math.min(Math.max(responseMillis, 0), MAX_MILLIS)]++;
        count++;
        failures += ok ? 0 : 1;
        firstStart = Math.min(firstStart, now - responseMillis);
        lastEnd = Math.max(lastEnd, now);
    }

    private synchronized Line line(String name) {
        double seconds = Math.max(1, lastEnd - firstStart) / 1000.0;
        int max = 0;
        for (int i = MAX_MILLIS; i >= 0 && max == 0; i--) {
            max = millis[i] > 0 ? i : 0;
        }
        return new Line(name, count, failures, count / seconds, percentile(0.50), percentile(0.90), percentile(0.99), max);
    }

    private int percentile(double fraction) {
        long rank = (long) Math.ceil(fraction * count);
        long seen = 0;
        for (int i = 0; i <= MAX_MILLIS; i++) {
            seen += millis[i];
            if (seen >= rank && seen > 0) {
                return i;
            }
        }
        return MAX_MILLIS;
    }
}
