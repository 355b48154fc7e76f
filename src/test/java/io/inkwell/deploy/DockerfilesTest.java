package io.inkwell.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks src/main/docker against what `./mvnw package [-Dnative]` produces, without a Docker engine.
 */
class DockerfilesTest {

    private static final Path DOCKER = Path.of("src", "main", "docker");
    private static final Path DOCKERIGNORE = Path.of(".dockerignore");

    /** The layout of both the aot-jar the image is built from and the default fast-jar, then the AOT cache's recorder. */
    private static final List<String> JVM_IMAGE_SOURCES = List.of(
            "target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/",
            "target/quarkus-app/quarkus/", "src/main/docker/record-aot-cache.sh");
    /** Files the build writes; the context must keep every one of them. */
    private static final List<String> BUILD_OUTPUT = List.of(
            "target/quarkus-app/quarkus-run.jar",
            "target/quarkus-app/lib/main/io.quarkus.quarkus-core-3.34.3.jar",
            "target/quarkus-app/lib/boot/io.quarkus.quarkus-bootstrap-runner-3.34.3.jar",
            "target/quarkus-app/app/inkwell-1.0.0-SNAPSHOT.jar",
            "target/quarkus-app/quarkus/generated-bytecode.jar",
            "target/quarkus-app/quarkus/quarkus-application.dat",
            "target/inkwell-1.0.0-SNAPSHOT-runner",
            "src/main/docker/record-aot-cache.sh");

    @Test
    void jvmImageShouldCopyTheJarLayersAsUser185() throws IOException {
        List<Instruction> instructions = parse("Dockerfile.jvm");
        List<Instruction> copies = all(instructions, "COPY");

        assertThat(from(instructions)).startsWith("registry.access.redhat.com/ubi9/openjdk-25-runtime");
        assertThat(copies).extracting(Instruction::source).containsExactlyElementsOf(JVM_IMAGE_SOURCES);
        assertThat(copies).allSatisfy(copy -> {
            assertThat(copy.flags()).contains("--chown=185");
            assertThat(copy.destination()).startsWith("/deployments/");
        });
        assertThat(globMatches("target/quarkus-app/*.jar", "target/quarkus-app/quarkus-run.jar")).isTrue();
        assertThat(all(instructions, "ENV")).extracting(Instruction::arguments)
                .contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
        assertThat(last(instructions, "USER").arguments()).isEqualTo("185");
    }

    @Test
    void jvmImageShouldRecordItsAotCacheWithItsOwnJvmAndStartWithIt() throws IOException {
        List<Instruction> instructions = parse("Dockerfile.jvm");
        int recording = instructions.indexOf(all(instructions, "RUN").get(0));
        Instruction lastEnv = last(instructions, "ENV");

        assertThat(instructions.get(recording).arguments()).isEqualTo("/deployments/record-aot-cache.sh /deployments");
        assertThat(instructions.subList(0, recording)).as("recorded as the user that runs it")
                .contains(new Instruction("USER", "185"));
        assertThat(lastEnv.arguments()).startsWith("JAVA_OPTS_APPEND=\"-XX:AOTCache=/deployments/app.aot ");
        assertThat(instructions.indexOf(lastEnv)).as("the cache is used only after it is recorded").isGreaterThan(recording);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Dockerfile.native", "Dockerfile.native-micro" })
    void nativeImagesShouldCopyTheRunnerAsUser1001(String dockerfile) throws IOException {
        List<Instruction> instructions = parse(dockerfile);
        List<Instruction> copies = all(instructions, "COPY");

        assertThat(copies).extracting(Instruction::source).containsExactly("target/*-runner");
        assertThat(globMatches("target/*-runner", "target/inkwell-1.0.0-SNAPSHOT-runner")).isTrue();
        assertThat(last(instructions, "USER").arguments()).isEqualTo("1001");
        String destination = copies.get(0).destination();
        assertThat(last(instructions, "ENTRYPOINT").arguments())
                .contains(destination.substring(destination.lastIndexOf('/') + 1));
    }

    @Test
    void nativeMicroImageShouldUseTheQuarkusMicroBase() throws IOException {
        assertThat(from(parse("Dockerfile.native-micro"))).startsWith("quay.io/quarkus/")
                .contains("micro-image");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Dockerfile.jvm", "Dockerfile.native", "Dockerfile.native-micro" })
    void everyImageShouldRunAsNonRootAndExposeTheApiAndManagementPorts(String dockerfile) throws IOException {
        List<Instruction> instructions = parse(dockerfile);
        String user = last(instructions, "USER").arguments().split(":")[0];

        assertThat(user).as("numeric, so Kubernetes can verify runAsNonRoot").matches("[0-9]+");
        assertThat(Integer.parseInt(user)).isPositive();
        assertThat(all(instructions, "EXPOSE")).extracting(Instruction::arguments).containsExactly("8080 9000");
        assertThat(Files.readString(DOCKER.resolve(dockerfile)))
                .as("both servers listen beyond the container's loopback")
                .contains("-Dquarkus.http.host=0.0.0.0").contains("-Dquarkus.management.host=0.0.0.0");
        assertThat(Files.readString(DOCKER.resolve(dockerfile)))
                .as("header says how to build").contains("./mvnw package", "docker build -f src/main/docker/" + dockerfile);
    }

    @Test
    void dockerignoreShouldKeepTheBuildOutputAndNothingElse() throws IOException {
        List<String> rules = Files.readAllLines(DOCKERIGNORE);

        assertThat(BUILD_OUTPUT).allSatisfy(path -> assertThat(ignored(rules, path)).as(path).isFalse());
        assertThat(List.of("pom.xml", "src/main/java/io/inkwell/Foo.java", ".git/config", "helm/inkwell/values.yaml",
                "target/classes/application.properties", "target/surefire-reports/x.txt"))
                .allSatisfy(path -> assertThat(ignored(rules, path)).as(path).isTrue());
    }

    @Test
    void buildOutputShouldMatchTheCopiedLayoutWhenPresent() {
        Path quarkusApp = Path.of("target", "quarkus-app");
        if (Files.isDirectory(quarkusApp)) { // only after ./mvnw package
            assertThat(quarkusApp.resolve("quarkus-run.jar")).isRegularFile();
            assertThat(quarkusApp.resolve("lib")).isDirectory();
            assertThat(quarkusApp.resolve("app")).isDirectory();
            assertThat(quarkusApp.resolve("quarkus")).isDirectory();
        }
    }

    @Test
    void composeShouldBuildTheJvmImageFromTheRepositoryRoot() throws IOException {
        JsonNode compose = new YAMLMapper().readTree(DOCKER.resolve("compose.yaml").toFile());
        JsonNode build = compose.at("/services/inkwell/build");
        Path context = DOCKER.resolve(build.path("context").asText()).normalize();

        assertThat(context.toAbsolutePath()).isEqualTo(Path.of("").toAbsolutePath());
        assertThat(context.resolve(build.path("dockerfile").asText())).isEqualTo(DOCKER.resolve("Dockerfile.jvm"));
        assertThat(compose.at("/services/postgres/image").asText()).isEqualTo("postgres:17");
        assertThat(compose.at("/services/redis/image").asText()).isEqualTo("redis:7");
        assertThat(compose.path("services")).allSatisfy(service -> assertThat(service.has("healthcheck")).isTrue());
        assertThat(compose.at("/services/inkwell/environment").toString()).doesNotContain("BEGIN");
        assertThat(compose.at("/services/inkwell/healthcheck/test").toString())
                .as("health is on the management port").contains("localhost:9000/q/health/ready");
    }

    record Instruction(String keyword, String arguments) {

        List<String> words() {
            return Arrays.asList(arguments.trim().split("\\s+"));
        }

        List<String> flags() {
            return words().stream().filter(w -> w.startsWith("--")).toList();
        }

        /** The single source of a COPY (these Dockerfiles copy one source per instruction). */
        String source() {
            List<String> paths = words().stream().filter(w -> !w.startsWith("--")).toList();
            assertThat(paths).as("COPY %s", arguments).hasSize(2);
            return paths.get(0);
        }

        String destination() {
            List<String> words = words();
            return words.get(words.size() - 1);
        }
    }

    private static List<Instruction> parse(String dockerfile) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKER.resolve(dockerfile))) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String[] parts = current.toString().strip().split("\\s+", 2);
            instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1].strip() : ""));
            current.setLength(0);
        }
        return instructions;
    }

    private static List<Instruction> all(List<Instruction> instructions, String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    private static Instruction last(List<Instruction> instructions, String keyword) {
        List<Instruction> matching = all(instructions, keyword);
        assertThat(matching).as(keyword).isNotEmpty();
        return matching.get(matching.size() - 1);
    }

    private static String from(List<Instruction> instructions) {
        return last(instructions, "FROM").words().get(0);
    }

    /**
     * Docker's .dockerignore semantics, as far as these rules need them: the last matching rule wins,
     * `!` re-includes, and a rule matching a parent directory matches everything below it.
     */
    private static boolean ignored(List<String> rules, String path) {
        boolean ignored = false;
        for (String raw : rules) {
            String rule = raw.strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            boolean exclusion = rule.startsWith("!");
            String pattern = (exclusion ? rule.substring(1) : rule).strip();
            pattern = pattern.replaceAll("^/+", "").replaceAll("/+$", "");
            if (matchesOrParentMatches(pattern, path)) {
                ignored = !exclusion;
            }
        }
        return ignored;
    }

    private static boolean matchesOrParentMatches(String pattern, String path) {
        String candidate = path;
        while (true) {
            if (globMatches(pattern, candidate)) {
                return true;
            }
            int slash = candidate.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            candidate = candidate.substring(0, slash);
        }
    }

    /** Go filepath.Match style: `*` and `?` stay within one path segment, `**` spans segments. */
    private static boolean globMatches(String glob, String path) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return path.matches(regex.toString());
    }
}
