package io.inkwell.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The dev loop as a developer feels it: {@code ./mvnw quarkus:dev} from the command to the first
 * answered request (warm: dependencies resolved, classes compiled, the dev database kept), then two
 * edits of a resource class to the first answer that runs the edited code: a method body (redefined in
 * place) and a new method (the application restarts).
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
                compile(); // warm: what a developer restarting dev mode without edits has, whatever the last run edited
                int port = freePort();
                Http http = new Http("http://localhost:" + port);
                long start = System.nanoTime();
                // A developer answers Quarkus's analytics question once; left unanswered it holds every start 10 s.
                Process dev = new ProcessBuilder(mvnw(), "-B", "-ntp", "quarkus:dev", "-Ddebug=false",
                        "-Dquarkus.analytics.disabled=true",
                        "-Dquarkus.http.port=" + port, "-Dquarkus.console.enabled=false")
                        .directory(App.ROOT.toFile()).redirectErrorStream(true)
                        .redirectOutput(App.ROOT.resolve("target/dev-loop.log").toFile()).start();
                try {
                    awaitAnswer(http, "/api/tags", null, dev);
                    long started = System.nanoTime();
                    // A method body: applied by redefining the class (quarkus.live-reload.instrumentation).
                    String bodyEdit = "edited-" + run + "-" + System.nanoTime();
                    long bodyEditedAt = edit(original.replace(MARKER, returning(bodyEdit)));
                    awaitAnswer(http, "/api/tags", bodyEdit, dev);
                    long bodyReloaded = System.nanoTime();
                    // A new method changes the class's shape, which only a restart of the application applies.
                    String shapeEdit = "added-" + run + "-" + System.nanoTime();
                    int end = original.lastIndexOf('}');
                    long shapeEditedAt = edit(original.substring(0, end).replace(MARKER, "return added();")
                            + "\n    private TagsResponse added() {\n        " + returning(shapeEdit) + "\n    }\n}\n");
                    awaitAnswer(http, "/api/tags", shapeEdit, dev);
                    long shapeReloaded = System.nanoTime();
                    System.out.printf("dev mode run %d: first answer %.1f s after ./mvnw quarkus:dev; a method body edited: "
                            + "answering %.1f s after the edit; a method added: %.1f s (restart)%n", run,
                            (started - start) / 1e9, (bodyReloaded - bodyEditedAt) / 1e9, (shapeReloaded - shapeEditedAt) / 1e9);
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

    /**
     * Dev mode looks for changes when a request arrives, at most once every 2 s (Quarkus's fixed
     * HOT_REPLACEMENT_INTERVAL). This polls every 20 ms, so it waits that long before editing, as the
     * seconds a developer spends editing do; else the throttle, not the reload, is what it would time.
     */
    private static long edit(String source) throws IOException, InterruptedException {
        Thread.sleep(2_100);
        Files.writeString(RESOURCE, source);
        return System.nanoTime();
    }

    private static String returning(String extraTag) {
        return "return new TagsResponse(java.util.stream.Stream.concat(tags.popular().tags().stream(), "
                + "java.util.stream.Stream.of(\"" + extraTag + "\")).toList());";
    }

    private static void compile() throws IOException, InterruptedException {
        Process build = new ProcessBuilder(mvnw(), "-B", "-ntp", "-q", "test-compile").directory(App.ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(App.ROOT.resolve("target/dev-loop-compile.log").toFile()).start();
        if (build.waitFor() != 0) {
            throw new IllegalStateException("./mvnw test-compile failed; see target/dev-loop-compile.log");
        }
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
