package io.inkwell.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.inkwell.support.PackagedApp;

/**
 * Time to first successful request and resident memory of the packaged jar, with and without the
 * start-up archives the JDK offers. Prints figures; asserts nothing. After {@code ./mvnw verify}:
 *
 * <pre>
 * ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.inkwell.bench.StartupBenchmark [-Dexec.args=5]
 * </pre>
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path app = Path.of("target", "quarkus-app");
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("plain JVM", List.of());
        if (Files.exists(app.resolve("app-cds.jsa"))) {
            variants.put("AppCDS (app-cds.jsa)", List.of("-XX:SharedArchiveFile=app-cds.jsa"));
        }
        if (Files.exists(app.resolve("app.aot"))) {
            variants.put("JDK AOT cache (app.aot)", List.of("-XX:AOTCache=app.aot"));
        }
        System.out.printf("%s, %d runs each, %d CPUs%n", Runtime.version(), runs,
                Runtime.getRuntime().availableProcessors());
        for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
            long[] millis = new long[runs];
            long[] rss = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                try (PackagedApp process = PackagedApp.start("startup-benchmark.log", variant.getValue())) {
                    process.await("/api/tags", status -> status == 200, Duration.ofSeconds(60));
                    millis[i] = (System.nanoTime() - start) / 1_000_000;
                    rss[i] = process.rssKib() / 1024;
                }
            }
            System.out.printf("%-26s first request: median %5d ms (min %5d)   RSS after it: median %4d MiB%n",
                    variant.getKey(), median(millis), Arrays.stream(millis).min().orElse(-1), median(rss));
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
