package io.inkwell.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

/** helm/inkwell rendered in-process (helm-java), and the parts of it the chart tests look at. */
final class RenderedChart {

    static final Path CHART = Path.of("helm", "inkwell");
    static final String RELEASE = "inkwell";
    static final String FULLNAME = "inkwell"; // the release name already contains the chart name
    private static final String KUBE_VERSION = "1.31.0";
    static final YAMLMapper YAML = new YAMLMapper();

    private RenderedChart() {
    }

    static List<JsonNode> renderCi(String ciValues) {
        return render(ciValues, UnaryOperator.identity());
    }

    static List<JsonNode> render(String ciValues, UnaryOperator<TemplateCommand> options) {
        return render(CHART, ciValues, options);
    }

    /**
     * Renders hook objects too. helm-java's template leaves hooks out, so this renders a copy of the
     * chart whose templates have their {@code helm.sh/hook*} annotations removed.
     */
    static List<JsonNode> renderWithHooks(String ciValues, UnaryOperator<TemplateCommand> options) {
        try {
            Path copy = Files.createTempDirectory(Path.of("target"), "chart-with-hooks-").resolve("inkwell");
            try (var files = Files.walk(CHART)) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(CHART.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        String text = Files.readString(file);
                        Files.writeString(target, file.toString().contains("templates")
                                ? text.replaceAll("(?m)^\\s*helm\\.sh/hook[^\\n]*\\n", "")
                                : text);
                    }
                }
            }
            return render(copy, ciValues, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> render(Path chart, String ciValues, UnaryOperator<TemplateCommand> options) {
        TemplateCommand template = new Helm(chart).template()
                .withName(RELEASE)
                .withNamespace("inkwell")
                .withKubeVersion(KUBE_VERSION);
        if (ciValues != null) {
            template = template.withValuesFile(chart.resolve("ci").resolve(ciValues + "-values.yaml"));
        }
        String manifests = options.apply(template).call();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode> readValues(manifests)) {
            List<JsonNode> objects = new ArrayList<>();
            documents.forEachRemaining(document -> {
                if (document != null && document.isObject() && document.has("kind")) {
                    objects.add(document);
                }
            });
            return objects;
        } catch (IOException e) {
            throw new IllegalStateException("rendered manifests are not YAML:\n" + manifests, e);
        }
    }

    static String kind(JsonNode object) {
        return object.path("kind").asText();
    }

    static List<String> kinds(List<JsonNode> objects) {
        return objects.stream().map(RenderedChart::kind).toList();
    }

    static JsonNode single(List<JsonNode> objects, String kind) {
        List<JsonNode> matching = objects.stream().filter(o -> kind(o).equals(kind)).toList();
        assertThat(matching).as("objects of kind %s", kind).hasSize(1);
        return matching.get(0);
    }

    /** The Deployment, or the Knative Service in Knative mode. */
    static JsonNode workload(List<JsonNode> objects) {
        List<JsonNode> workloads = objects.stream()
                .filter(o -> kind(o).equals("Deployment")
                        || o.path("apiVersion").asText().startsWith("serving.knative.dev/"))
                .toList();
        assertThat(workloads).hasSize(1);
        return workloads.get(0);
    }

    static JsonNode podSpec(JsonNode workload) {
        return workload.at("/spec/template/spec");
    }

    static JsonNode appContainer(JsonNode workload) {
        JsonNode containers = podSpec(workload).path("containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    static JsonNode configMapData(List<JsonNode> objects) {
        return objects.stream()
                .filter(o -> kind(o).equals("ConfigMap") && o.at("/metadata/name").asText().equals(FULLNAME))
                .findFirst().orElseThrow().path("data");
    }

    static List<String> envNames(JsonNode container) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .map(env -> env.path("name").asText()).toList();
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    static String chartVersion() {
        try {
            Matcher version = Pattern.compile("(?m)^version:\\s*(\\S+)")
                    .matcher(Files.readString(Path.of("helm", "inkwell", "Chart.yaml")));
            assertThat(version.find()).as("Chart.yaml has a version").isTrue();
            return version.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
