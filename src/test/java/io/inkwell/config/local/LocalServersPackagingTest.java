package io.inkwell.config.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The prod build leaves the embedded servers out by an explicit list of files (Quarkus takes exact
 * paths). A class added to the embedded package without being listed would ship: this catches it
 * before packaging, PackagedApplicationIT afterwards.
 */
class LocalServersPackagingTest {

    private static final String IGNORED = "%prod.quarkus.package.jar.user-configured-ignored-entries";
    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void shouldLeaveEveryEmbeddedServerFileOutOfProdPackages() throws IOException {
        List<String> ignored = ignoredEntries();

        try (Stream<Path> files = Files.walk(CLASSES.resolve("io/inkwell/config/local/embedded"))) {
            List<String> compiled = files.filter(Files::isRegularFile)
                    .map(file -> CLASSES.relativize(file).toString().replace('\\', '/'))
                    .toList();
            assertThat(compiled).isNotEmpty();
            assertThat(ignored).containsAll(compiled);
        }
        assertThat(ignored).contains("META-INF/services/" + LocalServers.class.getName());
    }

    @Test
    void shouldShipTheHookButNotItsImplementation() throws IOException {
        assertThat(ignoredEntries())
                .noneMatch(entry -> entry.endsWith("/LocalServers.class") || entry.endsWith("/LocalServersConfigSourceFactory.class"));
    }

    private static List<String> ignoredEntries() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(CLASSES.resolve("application.properties"))) {
            properties.load(in);
        }
        String value = properties.getProperty(IGNORED);
        assertThat(value).as(IGNORED).isNotBlank();
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
