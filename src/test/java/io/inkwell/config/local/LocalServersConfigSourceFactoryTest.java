package io.inkwell.config.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;

/** What the factory adds, by profile and by what is already configured (no Quarkus needed). */
class LocalServersConfigSourceFactoryTest {

    private final LocalServersConfigSourceFactory factory = new LocalServersConfigSourceFactory();

    @Test
    void shouldAddNothingInProd() {
        assertThat(factory.getConfigSources(context(List.of("prod"), Map.of()))).isEmpty();
    }

    @Test
    void shouldAddNothingWhenDisabled() {
        assertThat(factory.getConfigSources(context(List.of("test"), Map.of(LocalServersConfigSourceFactory.ENABLED, "false"))))
                .isEmpty();
    }

    @Test
    void shouldLeaveConfiguredServersAndKeysAlone() {
        Map<String, String> configured = Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example:5432/inkwell",
                "quarkus.redis.hosts", "redis://cache.example:6379",
                "quarkus.mailer.host", "smtp.example",
                "mp.jwt.verify.publickey.location", "/keys/public.pem");

        Iterable<ConfigSource> sources = factory.getConfigSources(context(List.of("dev"), configured));

        for (ConfigSource source : sources) {
            assertThat(source.getPropertyNames()).isEmpty();
        }
    }

    private static ConfigSourceContext context(List<String> profiles, Map<String, String> values) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                return ConfigValue.builder().withName(name).withValue(values.get(name)).build();
            }

            @Override
            public List<String> getProfiles() {
                return profiles;
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
    }
}
