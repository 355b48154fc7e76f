package io.inkwell.config.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * In dev mode and tests, supplies what a developer's machine lacks: a real PostgreSQL, a real Redis
 * and a throw-away JWT key pair, each only when the matching configuration is absent. Production
 * never comes here; it must name its servers and keys.
 *
 * <p>Servers start once per JVM (see {@link LocalServers}), so dev-mode reloads reuse them.
 */
public class LocalServersConfigSourceFactory implements ConfigSourceFactory {

    static final String ENABLED = "inkwell.local-servers.enabled";
    private static final int ORDINAL = 200; // below application.properties (250) and env (300)

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean dev = profiles.contains("dev");
        boolean test = profiles.contains("test");
        if (!(dev || test) || "false".equalsIgnoreCase(valueOf(context, ENABLED))) {
            return List.of();
        }
        Path workDir = dev ? Path.of("target", "inkwell-dev").toAbsolutePath() : null;
        Map<String, String> properties = new HashMap<>();
        if (isBlank(valueOf(context, "quarkus.datasource.jdbc.url"))) {
            properties.putAll(LocalServers.postgres(workDir));
        }
        if (isBlank(valueOf(context, "quarkus.redis.hosts"))) {
            properties.putAll(LocalServers.redis());
        }
        if (isBlank(valueOf(context, "mp.jwt.verify.publickey"))
                && isBlank(valueOf(context, "mp.jwt.verify.publickey.location"))) {
            properties.putAll(LocalServers.jwtKeys(workDir));
        }
        return List.of(new PropertiesConfigSource(properties, "inkwell-local-servers", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static String valueOf(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
