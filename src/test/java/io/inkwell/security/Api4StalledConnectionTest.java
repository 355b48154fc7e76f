package io.inkwell.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.runtime.configuration.DurationConverter;

/**
 * API4 (unrestricted resource consumption): a client that sends part of a request and stalls does
 * not hold its connection (slowloris). The shipped timeouts are seconds; this test shortens the idle
 * timeout to 2 s to watch the server close the connection without waiting half a minute.
 */
@QuarkusTest
@TestProfile(Api4StalledConnectionTest.ShortIdleTimeout.class)
class Api4StalledConnectionTest {

    public static class ShortIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "2S");
        }
    }

    @TestHTTPResource("/api/users")
    URL users;

    @Test
    void shouldCloseAConnectionWhoseRequestStalls() throws IOException {
        URI target = URI.create(users.toString());
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis()); // a generous bound; 2 s expected
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/users HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"user\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            InputStream in = socket.getInputStream();
            while (in.read() != -1) {
                // whatever the server says before closing (nothing, or an error) does not matter
            }
        }
    }

    @Test
    void shouldShipTimeoutsOfSecondsNotMinutes() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            shipped.load(in);
        }

        assertThat(DurationConverter.parseDuration(shipped.getProperty("quarkus.http.idle-timeout")))
                .isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(DurationConverter.parseDuration(shipped.getProperty("quarkus.http.read-timeout")))
                .isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(DurationConverter.parseDuration(shipped.getProperty("quarkus.management.idle-timeout")))
                .isLessThanOrEqualTo(Duration.ofSeconds(30));
    }
}
