package io.inkwell.config.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import io.inkwell.config.local.embedded.EmbeddedServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * For {@code @QuarkusIntegrationTest}s: the packaged application runs in the prod profile, which
 * starts nothing by itself, so the test run starts real PostgreSQL, Redis and SMTP servers (once per JVM)
 * and hands them, with a throw-away key pair, to the application as "external" configuration.
 */
public class ExternalServersResource implements QuarkusTestResourceLifecycleManager {

    /** System property of the test JVM naming the management port of the application under test. */
    public static final String MANAGEMENT_PORT_PROPERTY = "inkwell.test.management-port";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = configuration();
        // Free ports rather than 9000, so that parallel builds on one machine do not collide. Both fixed
        // (the launcher would pass port 0 for the API): Micrometer refuses to register the two servers'
        // network meters when only one of them carries a server.port tag, and a port of 0 gets none.
        int managementPort = freePort();
        config.put("quarkus.http.port", Integer.toString(freePort()));
        config.put("quarkus.management.port", Integer.toString(managementPort));
        System.setProperty(MANAGEMENT_PORT_PROPERTY, Integer.toString(managementPort));
        return config;
    }

    /** Everything the prod profile needs to run here. */
    public static Map<String, String> configuration() {
        Map<String, String> config = new HashMap<>();
        config.putAll(EmbeddedServers.postgres(null));
        config.putAll(EmbeddedServers.redis());
        config.putAll(EmbeddedServers.smtp());
        config.put("quarkus.mailer.from", "Inkwell <no-reply@inkwell.localhost>");
        config.putAll(EmbeddedServers.jwtKeys(null));
        // As a deployment would configure them; the CORS tests expect these origins.
        config.put("quarkus.http.cors.origins", "http://localhost:4200,https://app.inkwell.test");
        // Behind a trusted proxy, as the test client acts: each test client has its own address (support/Api).
        config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        config.put("quarkus.http.proxy.allow-x-forwarded", "true");
        config.put("quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1/128");
        // Many replicas, servers and builds share this machine's cores: a connection slow to open here is
        // no outage (as in the test profile). The outage tests set the production bound themselves.
        config.put("inkwell.database.timeout", "2s");
        return config;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // The servers live as long as the JVM; their shutdown hooks stop them.
        System.clearProperty(MANAGEMENT_PORT_PROPERTY);
    }
}
