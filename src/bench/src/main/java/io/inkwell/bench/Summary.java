package io.inkwell.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The one table a run ends with, on the console and as Markdown in target/bench/summary.md. */
record Summary(BenchSettings settings, Map<String, Recorder.Line> lines, Map<String, Double> ceiling, long rssBefore,
        long rssAfter, String loadBefore, String loadAfter) {

    long failures() {
        return lines.values().stream().mapToLong(Recorder.Line::failures).sum();
    }

    void print() {
        System.out.println();
        System.out.println(text());
    }

    void write(Path file) throws IOException {
        Files.writeString(file, text());
        System.out.println("Summary: " + file);
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        out.append("Inkwell benchmark: %s data, %d users, %d s per scenario, %d CPUs, Java %s%n".formatted(
                settings.size().name().toLowerCase(), settings.users(), settings.seconds().toSeconds(),
                Runtime.getRuntime().availableProcessors(), Runtime.version()));
        out.append("Machine load average (1, 5, 15 min): %s at the start, %s at the end%n".formatted(loadBefore, loadAfter));
        if (rssAfter > 0) {
            out.append("Application RSS: %d MiB before the load, %d MiB after it (JVM options: %s)%n"
                    .formatted(rssBefore, rssAfter, settings.appJvm().isEmpty() ? "none" : String.join(" ", settings.appJvm())));
        }
        out.append("\n| scenario | req/s | p50 ms | p90 ms | p99 ms | max ms | failed | JDBC ceiling req/s | of ceiling |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String name : Scenarios.ORDER) {
            Recorder.Line line = lines.get(name);
            if (line == null) {
                continue;
            }
            Double limit = ceiling.get(line.name());
            out.append("| %s | %,.0f | %d | %d | %d | %d | %d | %s | %s |%n".formatted(line.name(), line.perSecond(),
                    line.p50(), line.p90(), line.p99(), line.max(), line.failures(),
                    limit == null ? "" : "%,.0f".formatted(limit),
                    limit == null ? "" : "%.0f%%".formatted(100 * line.perSecond() / limit)));
        }
        return out.toString();
    }
}
