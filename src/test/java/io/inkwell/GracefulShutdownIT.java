package io.inkwell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.inkwell.support.PackagedApp;

/**
 * Starts the packaged jar, begins a request, sends SIGTERM while it is in flight, and checks that
 * readiness goes down, the request still completes, and the process exits cleanly.
 */
class GracefulShutdownIT {

    @Test
    void shouldFinishRequestsInFlightWhenTerminated() throws Exception {
        try (PackagedApp app = PackagedApp.start("graceful-shutdown-it.log", List.of())) {
            app.awaitManagement("/q/health/ready", status -> status == 200, Duration.ofSeconds(60));

            String username = "sigterm_" + app.port;
            byte[] body = ("{\"user\":{\"username\":\"" + username + "\",\"email\":\"" + username
                    + "@example.com\",\"password\":\"correct horse battery\"}}").getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("localhost", app.port)) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/users HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, body.length / 2);
                out.flush();

                app.process.toHandle().destroy(); // SIGTERM, as Kubernetes sends it
                app.awaitManagement("/q/health/ready", status -> status == 503, Duration.ofSeconds(10));

                out.write(body, body.length / 2, body.length - body.length / 2);
                out.flush();
                String response = readAll(socket.getInputStream());
                assertThat(response).startsWith("HTTP/1.1 201");
                assertThat(response).contains("\"username\":\"" + username + "\"");
            }

            assertThat(app.process.waitFor(45, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            assertThat(app.process.exitValue()).as("exit status").isIn(0, 143);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
