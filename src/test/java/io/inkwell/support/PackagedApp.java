package io.inkwell.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntPredicate;

import io.inkwell.config.local.ExternalServersResource;

/**
 * The packaged jar started as an operator would start it (prod profile, servers and keys given as
 * configuration), for tests and benchmarks that need the process itself: signals, start-up, memory.
 */
public final class PackagedApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The API port. */
    public final int port;
    /** The management interface's port: health and metrics. */
    public final int managementPort;
    public final Process process;
    private final Path logFile;

    private PackagedApp(int port, int managementPort, Process process, Path logFile) {
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.logFile = logFile;
    }

    /** @param jvmOptions options of the JVM, or of the native binary when the build made one (-Xmx, -XX:...) */
    public static PackagedApp start(String logName, List<String> jvmOptions) throws IOException {
        return start(logName, jvmOptions, ExternalServersResource.configuration());
    }

    public static PackagedApp start(String logName, List<String> jvmOptions, Map<String, String> configuration)
            throws IOException {
        return start(logName, jvmOptions, configuration, Path.of("target", "quarkus-app"));
    }

    /** @param appDir the jar's directory, for a copy of target/quarkus-app (ignored for a native binary) */
    public static PackagedApp start(String logName, List<String> jvmOptions, Map<String, String> configuration,
            Path appDir) throws IOException {
        int port = ExternalServersResource.freePort();
        int managementPort = ExternalServersResource.freePort();
        List<String> command = new ArrayList<>();
        Path nativeBinary = nativeBinary();
        if (nativeBinary != null) {
            command.add(nativeBinary.toAbsolutePath().toString()); // -Dnative: the binary takes -D and -X options itself
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
        command.addAll(jvmOptions);
        configuration.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        if (nativeBinary == null) {
            command.add("-jar");
            command.add("quarkus-run.jar");
        }
        Path logFile = Path.of("target", logName);
        Process process = new ProcessBuilder(command)
                .directory((nativeBinary == null ? appDir : Path.of("target")).toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        return new PackagedApp(port, managementPort, process, logFile);
    }

    public Path log() {
        return logFile;
    }

    /** A binary a tool chose itself (the start-up benchmark), run as given; absent: what the build packaged. */
    public static final String CHOSEN_BINARY = "inkwell.packaged.binary";

    /**
     * The native executable when this build packaged one, else {@code null}. Like
     * {@code @QuarkusIntegrationTest}, it trusts the artifact the last package step recorded, so a
     * binary left in target/ by an earlier native build is never run by a JVM build.
     */
    public static Path nativeBinary() {
        String chosen = System.getProperty(CHOSEN_BINARY);
        if (chosen != null) {
            return Path.of(chosen);
        }
        String path = System.getProperty("native.image.path");
        if (path == null || !Files.isExecutable(Path.of(path))) {
            return null;
        }
        Properties artifact = new Properties();
        try (var in = Files.newInputStream(Path.of(path).resolveSibling("quarkus-artifact.properties"))) {
            artifact.load(in);
        } catch (IOException e) {
            return null;
        }
        return "native".equals(artifact.getProperty("type")) ? Path.of(path) : null;
    }

    /** GET {@code path} on the API port; -1 when nothing answers. */
    public int status(String path) throws InterruptedException {
        return status(port, path);
    }

    /** GET {@code path} on the management port; -1 when nothing answers. */
    public int managementStatus(String path) throws InterruptedException {
        return status(managementPort, path);
    }

    private static int status(int port, String path) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Polls {@code path} on the API port until its status passes {@code until}, or fails after {@code limit}. */
    public void await(String path, IntPredicate until, Duration limit) throws InterruptedException {
        await(port, path, until, limit);
    }

    /** Polls {@code path} on the management port (health) until its status passes {@code until}. */
    public void awaitManagement(String path, IntPredicate until, Duration limit) throws InterruptedException {
        await(managementPort, path, until, limit);
    }

    private void await(int port, String path, IntPredicate until, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && process.isAlive()) {
            status = status(port, path);
            if (until.test(status)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError(path + " never reached the expected state; last status " + status);
    }

    /** Resident set size of the process, in KiB (Linux). */
    public long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
