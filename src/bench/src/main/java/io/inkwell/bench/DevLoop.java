package io.inkwell.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The dev loop as a developer feels it: {@code ./mvnw quarkus:dev} from the command to the first
 * answered request (warm: dependencies resolved, classes compiled, the dev database kept), then an
 * edit of a method of a resource class to the first answer that runs the edited code.
 *
 * <pre>./mvnw -f src/bench verify -Dbench.mode=dev-loop</pre>
 */
final class DevLoop {

    private static final Path RESOURCE = App.ROOT.resolve("src/main/java/io/inkwell/tag/TagResource.java");
    private static final String MARKER = "return tags.popular();";

    private DevLoop() {
    }

    static void measure(int runs) throws Exception {
        String original = Files.readString(RESOURCE);
        if (!original.contains(MARKER)) {
            throw new IllegalStateException("DevLoop edits the method body of " + RESOURCE + "; it has changed");
        }
        try {
            for (int run = 1; run <= runs; run++) {
                int port = freePort();
                Http http = new Http("http://localhost:" + port);
                long start = System.nanoTime();
                Process dev = new ProcessBuilder(mvnw(), "-B", "-ntp", "quarkus:dev", "-Ddebug=false",
                        "-Dquarkus.http.port=" + port, "-Dquarkus.console.enabled=false")
                        .directory(App.ROOT.toFile()).redirectErrorStream(true)
                        .redirectOutput(App.ROOT.resolve("target/dev-loop.log").toFile()).start();
                try {
                    awaitAnswer(http, "/api/tags", null, dev);
                    long started = System.nanoTime();
                    String edited = "edited-" + run + "-" + System.nanoTime();
                    Files.writeString(RESOURCE, original.replace(MARKER, "return new TagsResponse(java.util.stream.Stream.concat("
                            + "tags.popular().tags().stream(), java.util.stream.Stream.of(\"" + edited + "\")).toList());"));
                    long editedAt = System.nanoTime();
                    awaitAnswer(http, "/api/tags", edited, dev);
                    long reloaded = System.nanoTime();
                    System.out.printf("dev mode run %d: first answer %.1f s after ./mvnw quarkus:dev; "
                            + "edited code answering %.1f s after the edit%n", run,
                            (started - start) / 1e9, (reloaded - editedAt) / 1e9);
                } finally {
                    Files.writeString(RESOURCE, original);
                    dev.destroy();
                    dev.waitFor();
                }
            }
        } finally {
            Files.writeString(RESOURCE, original);
        }
    }

    /** Polls until {@code path} answers 200 (and its body contains {@code expected}, if given). */
    private static void awaitAnswer(Http http, String path, String expected, Process dev) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && dev.isAlive()) {
            String body = http.getOrNull(path);
            if (body != null && (expected == null || body.contains(expected))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(path + " did not answer as expected; see target/dev-loop.log");
    }

    private static String mvnw() {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
        return App.ROOT.resolve(windows ? "mvnw.cmd" : "mvnw").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
