package io.inkwell.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.inkwell.config.local.ExternalServersResource;
import io.inkwell.support.PackagedApp;

/**
 * Runs the load benchmark (bench/, a Maven project of its own) in smoke mode against the packaged
 * application, so that it keeps compiling and working as the application changes: seeding through
 * the API, every Gatling scenario for a second, the JDBC ceiling and the plans. Figures are not
 * checked, only that every request succeeded.
 */
class BenchmarkSmokeIT {

    private static final Path BENCH = Path.of("src", "bench").toAbsolutePath();

    @Test
    void shouldRunEveryBenchmarkScenarioWithoutFailures() throws Exception {
        Map<String, String> servers = ExternalServersResource.configuration();
        // As the benchmark's own start mode runs it: uncached, and without the per-user write limits its
        // seeding and write scenarios would trip.
        // The benchmark, its JVM and the servers share the build machine's cores: as in the test profile,
        // a connection that takes long to open there is no outage, so the pool may wait 2 s, not 250 ms.
        List<String> options = List.of("-Dinkwell.cache.enabled=false", "-Dinkwell.rate-limit.enabled=false",
                "-Dinkwell.database.timeout=2s");
        try (PackagedApp app = PackagedApp.start("benchmark-smoke-app.log", options, servers)) {
            app.awaitManagement("/q/health/ready", status -> status == 200, Duration.ofSeconds(60));

            Path output = Path.of("target", "benchmark-smoke.log").toAbsolutePath();
            Process benchmark = new ProcessBuilder(command(app.port, servers))
                    .directory(BENCH.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean finished = benchmark.waitFor(10, TimeUnit.MINUTES);
            if (!finished) {
                benchmark.destroyForcibly();
            }

            assertThat(finished).as("benchmark finished within 10 minutes; see " + output).isTrue();
            assertThat(benchmark.exitValue()).as("benchmark exit status; see " + output).isZero();
            String summary = Files.readString(BENCH.resolve("target/bench/summary.md"));
            for (String scenario : List.of("tags", "list-anonymous", "list-signed-in", "list-by-tag", "list-by-author",
                    "list-by-favorited", "feed", "feed-heavy", "article", "comments", "comment", "favorite",
                    "unfavorite", "follow", "unfollow", "mix")) {
                assertThat(summary).as("summary line of " + scenario).containsPattern("\\| " + scenario + " \\| [\\d,]+ \\|");
            }
            assertThat(summary).contains("| list-anonymous |").contains("% |");
            assertThat(Files.readString(BENCH.resolve("target/bench/plans.txt"))).contains("Index");
        }
    }

    /** The Maven that runs this build, on the benchmark's project, in smoke mode against {@code port}. */
    private static List<String> command(int port, Map<String, String> servers) {
        boolean windows = System.getProperty("os.name").toLowerCase().contains("win");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("maven.home"), "bin", windows ? "mvn.cmd" : "mvn").toString(),
                "-B", "-ntp", "verify",
                "-Dbench.size=smoke",
                "-Dbench.target=http://localhost:" + port,
                "-Dbench.jdbc-url=" + servers.get("quarkus.datasource.jdbc.url"),
                "-Dbench.jdbc-user=" + servers.get("quarkus.datasource.username"),
                "-Dbench.jdbc-password=" + servers.get("quarkus.datasource.password")));
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        return command;
    }
}
