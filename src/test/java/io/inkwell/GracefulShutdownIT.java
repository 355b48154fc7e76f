package io.inkwell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.inkwell.config.local.ExternalServersResource;

/**
 * Starts the packaged jar, begins a request, sends SIGTERM while it is in flight, and checks that
 * readiness goes down, the request still completes, and the process exits cleanly.
 */
class GracefulShutdownIT {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process app;

    @AfterEach
    void killLeftover() {
        if (app != null && app.isAlive()) {
            app.destroyForcibly();
        }
    }

    @Test
    void shouldFinishRequestsInFlightWhenTerminated() throws Exception {
        int port = freePort();
        app = start(port);
        awaitStatus(port, status -> status == 200, STARTUP_LIMIT);

        String body = "{\"user\":{\"username\":\"sigterm_" + port + "\",\"email\":\"sigterm_" + port
                + "@example.com\",\"password\":\"correct horse battery\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/users HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, bytes.length / 2);
            out.flush();

            app.toHandle().destroy(); // SIGTERM, as Kubernetes sends it
            awaitStatus(port, status -> status == 503 || status == -1, Duration.ofSeconds(10));

            out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
            out.flush();
            String response = readAll(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 201");
            assertThat(response).contains("\"username\":\"sigterm_" + port + "\"");
        }

        assertThat(app.waitFor(45, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
        assertThat(app.exitValue()).as("exit status").isIn(0, 143);
    }

    private Process start(int port) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (Map.Entry<String, String> setting : ExternalServersResource.configuration().entrySet()) {
            command.add("-D" + setting.getKey() + "=" + setting.getValue());
        }
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(Path.of("target", "quarkus-app", "quarkus-run.jar").toString());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "graceful-shutdown-it.log").toFile())
                .start();
    }

    /** Polls /q/health/ready until its status (-1: no connection) passes {@code until}. */
    private void awaitStatus(int port, IntPredicate until, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = readinessStatus(port);
            if (until.test(status)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("readiness never reached the expected state; last status " + status);
    }

    private int readinessStatus(int port) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
