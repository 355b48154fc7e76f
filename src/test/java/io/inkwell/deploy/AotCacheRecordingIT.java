package io.inkwell.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.inkwell.config.local.ExternalServersResource;
import io.inkwell.support.PackagedApp;

/**
 * Dockerfile.jvm records the JDK's AOT cache with src/main/docker/record-aot-cache.sh, inside the
 * image and without servers. This runs the same script on a copy of the packaged application, then
 * starts it with {@code -XX:AOTMode=on}, under which the JVM refuses to start unless it can use the
 * cache, and checks that it serves requests.
 */
class AotCacheRecordingIT {

    private static final Path SCRIPT = Path.of("src", "main", "docker", "record-aot-cache.sh");

    @Test
    void shouldRecordACacheWithoutServersThatTheJvmThenStartsWith() throws Exception {
        assumeTrue(PackagedApp.nativeBinary() == null, "a JVM build");
        assumeTrue(Runtime.version().feature() >= 25, "JEP 514's -XX:AOTCacheOutput needs JDK 25");
        Path app = copyOfThePackagedApplication();

        ProcessBuilder script = new ProcessBuilder("bash", SCRIPT.toString(), app.toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "aot-cache-recording-it.log").toFile());
        // The script runs `java`; make it this JVM, which starts the application below.
        script.environment().merge("PATH", Path.of(System.getProperty("java.home"), "bin").toString(),
                (path, javaBin) -> javaBin + java.io.File.pathSeparator + path);
        Process recording = script.start();
        assertThat(recording.waitFor(3, TimeUnit.MINUTES)).as("recording finished").isTrue();
        assertThat(recording.exitValue()).as("see target/aot-cache-recording-it.log").isZero();
        assertThat(app.resolve("app.aot")).isNotEmptyFile();

        try (PackagedApp started = PackagedApp.start("aot-cache-start-it.log",
                List.of("-XX:AOTCache=app.aot", "-XX:AOTMode=on"), ExternalServersResource.configuration(), app)) {
            started.awaitManagement("/q/health/ready", status -> status == 200, Duration.ofSeconds(60));
            assertThat(started.status("/api/tags")).isEqualTo(200);
        }
    }

    /** Under target/, so the cache recorded here never lands beside the build's own jar. */
    private static Path copyOfThePackagedApplication() throws IOException {
        Path source = Path.of("target", "quarkus-app");
        Path copy = Path.of("target", "aot-cache-it", "quarkus-app");
        if (Files.exists(copy)) {
            try (Stream<Path> old = Files.walk(copy)) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().matches("app\\.aot|app-cds\\.jsa")) {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return copy;
    }
}
