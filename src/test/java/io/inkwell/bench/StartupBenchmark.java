package io.inkwell.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.inkwell.config.local.ExternalServersResource;
import io.inkwell.support.PackagedApp;

/**
 * Start-up and memory of the packaged application: time from process start to the first successful
 * request (median of N starts, against a database whose migrations are already applied), resident
 * memory right after it, and resident memory after a minute of mixed load. Covers the plain JVM, the
 * JDK's start-up archives when built ({@code -Paot}) and the native binary when built
 * ({@code -Dnative}). Prints figures; asserts nothing. After a build:
 *
 * <pre>
 * ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.inkwell.bench.StartupBenchmark [-Dexec.args="5 60"]
 * </pre>
 * The arguments are the starts per variant and the seconds of mixed load (0 skips it). Native option
 * sets to compare besides the defaults: {@code -Dbench.native-options="-Xmx64m -Xmn16m|-Xmx48m"}.
 */
public final class StartupBenchmark {

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    private static final String NATIVE = PackagedApp.CHOSEN_BINARY;
    private static final String SKIP_MIGRATIONS = "-Dquarkus.flyway.migrate-at-start=false";

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int loadSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        System.out.printf("%s, %d starts per variant, %d s of mixed load, %d CPUs%n", Runtime.version(), runs,
                loadSeconds, Runtime.getRuntime().availableProcessors());
        String only = System.getProperty("bench.only", ""); // e.g. "native" skips the JVM variants
        for (Map.Entry<String, Variant> variant : variants().entrySet()) {
            if (variant.getKey().startsWith(only)) {
                measure(variant.getKey(), variant.getValue(), runs, loadSeconds);
            }
        }
        System.exit(0); // the embedded SMTP server's threads are not daemons, and exec:java would wait for them
    }

    /** How to launch: the binary (or null for the jar) and the JVM or native options. */
    private record Variant(Path binary, List<String> options) {
    }

    private static Map<String, Variant> variants() throws Exception {
        Path app = Path.of("target", "quarkus-app");
        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("JVM", new Variant(null, List.of()));
        if (Files.exists(app.resolve("app-cds.jsa"))) {
            variants.put("JVM + AppCDS", new Variant(null, List.of("-XX:SharedArchiveFile=app-cds.jsa")));
        }
        if (Files.exists(app.resolve("app.aot"))) {
            variants.put("JVM + AOT cache", new Variant(null, List.of("-XX:AOTCache=app.aot")));
            // As the chart runs pods with migrations.mode=job: the Job migrates, pods skip Flyway's check.
            variants.put("JVM + AOT, no Flyway", new Variant(null, List.of("-XX:AOTCache=app.aot", SKIP_MIGRATIONS)));
        }
        try (var runners = Files.list(Path.of("target"))) {
            Path binary = runners.filter(p -> p.getFileName().toString().endsWith("-runner") && Files.isExecutable(p))
                    .findFirst().orElse(null);
            if (binary != null) {
                variants.put("native", new Variant(binary, List.of()));
                for (String options : System.getProperty("bench.native-options", "-Xmx64m -Xmn16m").split("\\|")) {
                    if (!options.isBlank()) {
                        variants.put("native " + options.strip(), new Variant(binary, List.of(options.strip().split(" +"))));
                    }
                }
            }
        }
        return variants;
    }

    private static void measure(String name, Variant variant, int runs, int loadSeconds) throws Exception {
        if (variant.binary() == null) {
            System.clearProperty(NATIVE);
        } else {
            System.setProperty(NATIVE, variant.binary().toString());
        }
        // Applies migrations if needed (even for a variant that skips them), warms the file cache.
        startOnce(new Variant(variant.binary(), variant.options().stream().filter(o -> !o.equals(SKIP_MIGRATIONS)).toList()), false);
        long[] millis = new long[runs];
        long[] rss = new long[runs];
        double[] startedIn = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            try (PackagedApp app = PackagedApp.start("startup-benchmark.log", variant.options())) {
                app.await("/api/tags", status -> status == 200, Duration.ofSeconds(60));
                millis[i] = (System.nanoTime() - start) / 1_000_000;
                rss[i] = app.rssKib() / 1024;
                startedIn[i] = startedIn(app.log());
            }
        }
        Arrays.sort(startedIn);
        System.out.printf("%-24s first 200: median %5d ms (min %5d, max %5d)  Quarkus 'started in' %.3f s  RSS %4d MiB%n",
                name, median(millis), Arrays.stream(millis).min().orElse(-1), Arrays.stream(millis).max().orElse(-1),
                startedIn[runs / 2], median(rss));
        if (loadSeconds > 0) {
            startOnce(variant, true, loadSeconds);
        }
    }

    private static void startOnce(Variant variant, boolean load) throws Exception {
        startOnce(variant, load, 0);
    }

    private static void startOnce(Variant variant, boolean load, int loadSeconds) throws Exception {
        // Rate limits off, as for any load benchmark: the clients write faster than one user may.
        Map<String, String> configuration = new HashMap<>(ExternalServersResource.configuration());
        configuration.put("inkwell.rate-limit.enabled", "false");
        try (PackagedApp app = PackagedApp.start("startup-benchmark.log", variant.options(), configuration)) {
            app.await("/api/tags", status -> status == 200, Duration.ofSeconds(60));
            if (load) {
                long before = app.rssKib() / 1024;
                String done = new MixedLoad(app.port).run(8, Duration.ofSeconds(loadSeconds));
                System.out.printf("%-24s RSS %4d MiB after start, %4d MiB after %d s of mixed load: %s%n", "",
                        before, app.rssKib() / 1024, loadSeconds, done);
            }
        }
    }

    private static double startedIn(Path log) throws Exception {
        Matcher matcher = STARTED_IN.matcher(Files.readString(log));
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
