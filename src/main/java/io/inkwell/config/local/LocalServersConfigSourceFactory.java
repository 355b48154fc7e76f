package io.inkwell.config.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.ServiceLoader;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * In dev mode and tests, supplies what a developer's machine lacks (a real PostgreSQL, Redis and SMTP
 * server, a throw-away JWT key pair), each only when its configuration is absent. In prod it adds
 * nothing and loads nothing: the {@link LocalServers} implementation is not even packaged there.
 *
 * <p>Quarkus instantiates every discovered config source factory in every profile, which is why this
 * small hook ships while the servers it starts do not.
 */
public class LocalServersConfigSourceFactory implements ConfigSourceFactory {

    static final String ENABLED = "inkwell.local-servers.enabled";
    private static final int ORDINAL = 200; // below application.properties (250) and env (300)

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean dev = profiles.contains("dev");
        if (!(dev || profiles.contains("test")) || "false".equalsIgnoreCase(valueOf(context, ENABLED))) {
            return List.of();
        }
        Path workDir = dev ? Path.of("target", "inkwell-dev").toAbsolutePath() : null;
        Map<String, String> properties = new HashMap<>();
        for (LocalServers servers : ServiceLoader.load(LocalServers.class, getClass().getClassLoader())) {
            properties.putAll(servers.startMissing(name -> !isBlank(valueOf(context, name)), workDir));
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
