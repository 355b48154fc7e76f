package io.inkwell.config.local;

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

    @Override
    public Map<String, String> start() {
        return configuration();
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
        return config;
    }

    @Override
    public void stop() {
        // The servers live as long as the JVM; their shutdown hooks stop them.
    }
}
