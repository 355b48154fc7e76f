package io.inkwell.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.inkwell.config.local.embedded.EmbeddedServers;

/**
 * The packaged jar, started as an operator would (prod profile), for {@code -Dbench.start}. Servers
 * and keys come from the environment when configured there (QUARKUS_DATASOURCE_JDBC_URL and so on),
 * else from the project's embedded servers, whose data is kept per size under
 * target/inkwell-bench/ so that a seeded database is reused by the next run.
 */
final class App implements AutoCloseable {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    private final Process process;
    final String url;
    final Map<String, String> servers;

    private App(Process process, String url, Map<String, String> servers) {
        this.process = process;
        this.url = url;
        this.servers = servers;
    }

    static App start(BenchSettings settings) throws IOException, InterruptedException {
        buildIfNeeded(settings);
        Path workDir = ROOT.resolve("target/inkwell-bench").resolve(settings.size().name().toLowerCase(Locale.ROOT));
        Map<String, String> servers = new EmbeddedServers().startMissing(App::configured, workDir);
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.appJvm());
        servers.forEach((key, value) -> command.add("-D" + key + "=" + value));
        // The uncached path is what the benchmark measures, and its seeding and write scenarios send far
        // more than a user's writes per minute; -Dbench.app-args can turn either back on.
        command.add("-Dinkwell.cache.enabled=false");
        command.add("-Dinkwell.rate-limit.enabled=false");
        // The benchmark saturates the pool on purpose; its 250 ms outage bound would turn waits into 503s.
        command.add("-Dinkwell.database.timeout=2s");
        command.addAll(settings.appArgs());
        command.add("-Dquarkus.http.port=" + port);
        int managementPort = freePort();
        command.add("-Dquarkus.management.port=" + managementPort);
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        Files.createDirectories(settings.out());
        Path log = settings.out().resolve("app.log");
        System.out.printf("Starting the packaged jar on port %d (JVM options %s); log in %s%n", port, settings.appJvm(), log);
        Process process = new ProcessBuilder(command).directory(settings.app().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        App app = new App(process, "http://localhost:" + port, servers);
        app.awaitReady(new Http("http://localhost:" + managementPort));
        return app;
    }

    /** Whether a setting is given in the environment (QUARKUS_DATASOURCE_JDBC_URL) or as a system property. */
    static boolean configured(String name) {
        String env = System.getenv(name.toUpperCase(Locale.ROOT).replaceAll("[.\\-\"]", "_"));
        String property = System.getProperty(name);
        return env != null && !env.isBlank() || property != null && !property.isBlank();
    }

    /** Resident set size in MiB (Linux), or -1. */
    long rssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }

    /** Generously: the first start on a database seeded by an older version migrates a million rows. */
    private void awaitReady(Http http) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited; see target/bench/app.log");
            }
            if (http.status("/q/health/ready") == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The application did not become ready; see target/bench/app.log");
    }

    private static void buildIfNeeded(BenchSettings settings) throws IOException, InterruptedException {
        Path jar = settings.app().resolve("quarkus-run.jar");
        if (!settings.rebuild() && Files.exists(jar)) {
            System.out.printf("Using %s, built at %s (-Dbench.rebuild to build it again)%n", jar, Files.getLastModifiedTime(jar));
            return;
        }
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
        String mvnw = ROOT.resolve(windows ? "mvnw.cmd" : "mvnw").toString();
        System.out.println("Building the application: mvnw package -DskipTests");
        int exit = new ProcessBuilder(mvnw, "-B", "-ntp", "-q", "package", "-DskipTests")
                .directory(ROOT.toFile()).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("The application's build failed (exit " + exit + ")");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
