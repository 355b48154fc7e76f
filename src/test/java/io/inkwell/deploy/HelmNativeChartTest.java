package io.inkwell.deploy;

import static io.inkwell.deploy.RenderedChart.CHART;
import static io.inkwell.deploy.RenderedChart.appContainer;
import static io.inkwell.deploy.RenderedChart.configMapData;
import static io.inkwell.deploy.RenderedChart.envNames;
import static io.inkwell.deploy.RenderedChart.kind;
import static io.inkwell.deploy.RenderedChart.render;
import static io.inkwell.deploy.RenderedChart.renderCi;
import static io.inkwell.deploy.RenderedChart.renderWithHooks;
import static io.inkwell.deploy.RenderedChart.single;
import static io.inkwell.deploy.RenderedChart.texts;
import static io.inkwell.deploy.RenderedChart.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The native flavor of the chart and the once-per-release schema migration that serves it. */
class HelmNativeChartTest {

    @Test
    void shouldRunTheJvmImageAndMigrateAtStartByDefault() {
        List<JsonNode> objects = renderCi("default");
        JsonNode container = appContainer(workload(objects));

        assertThat(container.path("image").asText()).isEqualTo("ghcr.io/inkwell/inkwell:1.0.0");
        assertThat(container.has("args")).isFalse();
        assertThat(objects).noneMatch(o -> kind(o).equals("Job"));
        assertThat(configMapData(objects).has("QUARKUS_FLYWAY_MIGRATE_AT_START")).isFalse();
        assertThat(configMapData(objects).path("JAVA_MAX_MEM_RATIO").asText()).as("heap share of the limit").isEqualTo("35");
    }

    @Test
    void shouldRunTheNativeImageWithItsHeapOptions() {
        List<JsonNode> objects = render("default", t -> t.set("image.flavor", "native"));
        JsonNode container = appContainer(workload(objects));

        assertThat(container.path("image").asText()).isEqualTo("ghcr.io/inkwell/inkwell:1.0.0-native");
        assertThat(texts(container.path("args"))).containsExactly("-Xmx64m", "-Xmn16m");
        assertThat(configMapData(objects).has("JAVA_MAX_MEM_RATIO")).as("a native binary reads no JVM options").isFalse();
    }

    @Test
    void shouldKeepAnExplicitTagWhateverTheFlavor() {
        JsonNode container = appContainer(workload(render("default", t -> t
                .set("image.flavor", "native").set("image.tag", "sha-1234567-native"))));

        assertThat(container.path("image").asText()).isEqualTo("ghcr.io/inkwell/inkwell:sha-1234567-native");
    }

    @Test
    void shouldScaleToZeroOnTheNativeImageWithMigrationsInAHookJob() throws IOException {
        List<JsonNode> objects = renderWithHooks("knative", UnaryOperator.identity());
        JsonNode job = single(objects, "Job");
        JsonNode migrate = job.at("/spec/template/spec/containers/0");

        assertThat(renderCi("knative")).as("a hook, not part of the release's objects").noneMatch(o -> kind(o).equals("Job"));
        assertThat(Files.readString(CHART.resolve("templates/migrations-job.yaml")))
                .contains("helm.sh/hook: pre-install,pre-upgrade");
        assertThat(appContainer(workload(objects)).path("image").asText()).endsWith("-native");
        assertThat(job.at("/spec/template/spec/restartPolicy").asText()).isEqualTo("Never");
        assertThat(migrate.path("image").asText()).isEqualTo(appContainer(workload(objects)).path("image").asText());
        assertThat(envNames(migrate)).contains("QUARKUS_INIT_AND_EXIT", "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
        assertThat(envNames(migrate)).noneMatch(name -> name.startsWith("MP_JWT") || name.startsWith("SMALLRYE_JWT"));
        assertThat(migrate.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(configMapData(objects).path("QUARKUS_FLYWAY_MIGRATE_AT_START").asText()).isEqualTo("false");
    }

    @Test
    void shouldRefuseInlineDatabaseSettingsForTheMigrationJob() {
        assertThatThrownBy(() -> renderWithHooks("default", t -> t
                .set("migrations.mode", "job")
                .set("database.password.existingSecret.name", "")
                .set("database.password.value", "not-a-real-password")))
                .hasMessageContaining("existingSecret");
    }

    @Test
    void shouldRejectAnUnknownFlavor() {
        assertThatThrownBy(() -> render("default", t -> t.set("image.flavor", "graal")))
                .hasMessageContaining("schema");
    }
}
