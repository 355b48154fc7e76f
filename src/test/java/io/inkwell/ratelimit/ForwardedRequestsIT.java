package io.inkwell.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.inkwell.support.PackagedApp;

/**
 * Behind trusted proxies (the test configuration names an IPv4 and an IPv6 one), requests leave no file
 * descriptor behind. Quarkus 3.34 opened a DNS socket per request, never closed, for a trusted proxy it
 * took for a host name: a bare IPv6 address was one.
 */
class ForwardedRequestsIT {

    @Test
    void shouldServeRequestsWithoutKeepingADescriptorForEach() throws Exception {
        try (PackagedApp app = PackagedApp.start("forwarded-requests-it.log", List.of())) {
            app.awaitManagement("/q/health/ready", status -> status == 200, Duration.ofSeconds(90));
            requests(app, 50); // connections to the database and Redis opened, classes loaded
            long before = openDescriptors(app);

            requests(app, 400);

            assertThat(openDescriptors(app)).as("descriptors after 400 more requests").isLessThan(before + 20);
        }
    }

    private static void requests(PackagedApp app, int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            assertThat(app.status("/api/tags")).isEqualTo(200);
        }
    }

    private static long openDescriptors(PackagedApp app) throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(app.process.pid()), "fd"))) {
            return descriptors.count();
        }
    }
}
