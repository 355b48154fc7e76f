package io.inkwell.deploy;

import static io.inkwell.deploy.RenderedChart.appContainer;
import static io.inkwell.deploy.RenderedChart.CHART;
import static io.inkwell.deploy.RenderedChart.chartVersion;
import static io.inkwell.deploy.RenderedChart.configMapData;
import static io.inkwell.deploy.RenderedChart.envNames;
import static io.inkwell.deploy.RenderedChart.FULLNAME;
import static io.inkwell.deploy.RenderedChart.kind;
import static io.inkwell.deploy.RenderedChart.kinds;
import static io.inkwell.deploy.RenderedChart.podSpec;
import static io.inkwell.deploy.RenderedChart.render;
import static io.inkwell.deploy.RenderedChart.renderCi;
import static io.inkwell.deploy.RenderedChart.single;
import static io.inkwell.deploy.RenderedChart.texts;
import static io.inkwell.deploy.RenderedChart.workload;
import static io.inkwell.deploy.RenderedChart.YAML;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lints and renders helm/inkwell in-process (helm-java: Helm as a native library), no cluster needed.
 */
class HelmChartTest {


    private static final Set<String> SECRET_ENV = Set.of(
            "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
            "QUARKUS_REDIS_HOSTS", "MP_JWT_VERIFY_PUBLICKEY", "SMALLRYE_JWT_SIGN_KEY");
    private static final List<String> STANDARD_LABELS = List.of(
            "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/version",
            "app.kubernetes.io/managed-by", "helm.sh/chart");

    @Test
    void shouldPassStrictLint() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "default", "ha", "knative" })
    void shouldLabelEveryObjectWithTheStandardLabels(String ciValues) {
        List<JsonNode> objects = renderCi(ciValues);

        assertThat(objects).isNotEmpty();
        for (JsonNode object : objects) {
            JsonNode labels = object.at("/metadata/labels");
            for (String label : STANDARD_LABELS) {
                assertThat(labels.path(label).asText())
                        .as("%s %s label %s", kind(object), object.at("/metadata/name").asText(), label)
                        .isNotBlank();
            }
            assertThat(labels.path("app.kubernetes.io/managed-by").asText()).isEqualTo("Helm");
            assertThat(labels.path("app.kubernetes.io/version").asText()).isEqualTo("1.0.0");
            assertThat(labels.path("helm.sh/chart").asText()).isEqualTo("inkwell-" + chartVersion());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "default", "ha" })
    void shouldProbeQuarkusHealthEndpointsOnTheManagementPort(String ciValues) {
        JsonNode container = appContainer(single(renderCi(ciValues), "Deployment"));

        assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(container.at("/ports/1/name").asText()).isEqualTo("management");
        assertThat(container.at("/ports/1/containerPort").asInt()).isEqualTo(9000);
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo("management");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "default", "ha" })
    void shouldKeepTheManagementPortOutOfTheApiServiceAndIngress(String ciValues) {
        List<JsonNode> objects = renderCi(ciValues);
        JsonNode api = objects.stream()
                .filter(o -> kind(o).equals("Service") && o.at("/metadata/name").asText().equals(FULLNAME))
                .findFirst().orElseThrow();

        assertThat(api.at("/spec/ports")).hasSize(1);
        assertThat(api.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
        for (JsonNode ingress : objects.stream().filter(o -> kind(o).equals("Ingress")).toList()) {
            assertThat(ingress.findValuesAsText("name")).doesNotContain(FULLNAME + "-management");
            assertThat(ingress.findValues("number")).isEmpty();
            assertThat(ingress.at("/spec/rules/0/http/paths").findValuesAsText("path"))
                    .containsExactly("/api", "/q/openapi");
            assertThat(ingress.at("/spec/rules/0/http/paths").findValuesAsText("name")).containsOnly(FULLNAME, "http");
        }
    }

    @Test
    void shouldOpenTheManagementPortOnlyToTheMonitoringPeers() {
        JsonNode policy = single(renderCi("ha"), "NetworkPolicy");
        JsonNode rules = policy.at("/spec/ingress");

        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).at("/ports/0/port").asText()).isEqualTo("http");
        assertThat(rules.get(0).at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                .isEqualTo("ingress-nginx");
        assertThat(rules.get(1).at("/ports/0/port").asText()).isEqualTo("management");
        assertThat(rules.get(1).at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                .isEqualTo("monitoring");

        JsonNode withoutMonitoring = single(render("ha", t -> t.set("networkPolicy.managementFrom", "null")),
                "NetworkPolicy");
        assertThat(withoutMonitoring.at("/spec/ingress")).as("no rule opens port management").hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "default", "ha", "knative" })
    void shouldRunRestrictedWithResourcesAndWritableTmpOnly(String ciValues) {
        JsonNode podSpec = podSpec(workload(renderCi(ciValues)));
        JsonNode container = podSpec.at("/containers/0");
        JsonNode securityContext = container.path("securityContext");

        assertThat(securityContext.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(securityContext.path("runAsUser").asInt()).isEqualTo(185);
        assertThat(securityContext.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(securityContext.path("allowPrivilegeEscalation").isBoolean()).isTrue();
        assertThat(securityContext.path("allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(texts(securityContext.at("/capabilities/drop"))).containsExactly("ALL");
        assertThat(securityContext.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        for (String quantity : List.of("/requests/cpu", "/requests/memory", "/limits/cpu", "/limits/memory")) {
            assertThat(container.path("resources").at(quantity).asText()).as(quantity).isNotBlank();
        }
        assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/tmp");
        assertThat(podSpec.at("/volumes/0/emptyDir").isObject()).isTrue();
    }

    @Test
    void shouldSetPodSecurityContextAndFitGracePeriodToShutdown() {
        JsonNode podSpec = podSpec(single(renderCi("default"), "Deployment"));
        JsonNode container = appContainer(single(renderCi("default"), "Deployment"));

        assertThat(podSpec.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(podSpec.at("/securityContext/runAsUser").asInt()).isEqualTo(185);
        assertThat(podSpec.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        List<String> preStop = texts(container.at("/lifecycle/preStop/exec/command"));
        assertThat(preStop).hasSize(2).startsWith("sleep");
        int preStopSeconds = Integer.parseInt(preStop.get(1));
        JsonNode config = configMapData(renderCi("default"));
        int shutdownSeconds = Integer.parseInt(config.path("QUARKUS_SHUTDOWN_TIMEOUT").asText().replace("s", ""));
        int delaySeconds = Integer.parseInt(config.path("QUARKUS_SHUTDOWN_DELAY").asText().replace("s", ""));
        assertThat(podSpec.path("terminationGracePeriodSeconds").asInt())
                .isGreaterThan(preStopSeconds + delaySeconds + shutdownSeconds);
        assertThat(podSpec.path("topologySpreadConstraints")).isNotEmpty();
        assertThat(podSpec.at("/topologySpreadConstraints/0/labelSelector/matchLabels").isObject()).isTrue();
    }

    @Test
    void shouldHandTheTokenAudienceAndClockSkewToTheApplication() {
        JsonNode config = configMapData(render("default", t -> t.set("jwt.audience", "conduit-prod")));

        assertThat(config.path("INKWELL_JWT_AUDIENCE").asText()).isEqualTo("conduit-prod");
        assertThat(config.path("INKWELL_JWT_CLOCK_SKEW").asText()).isEqualTo("PT30S");
    }

    @Test
    void shouldRefuseGracePeriodShorterThanPreStopPlusShutdown() {
        assertThatThrownBy(() -> render("default", t -> t.set("terminationGracePeriodSeconds", 30)))
                .hasMessageContaining("terminationGracePeriodSeconds");
    }

    @Test
    void shouldTrustForwardedAddressesOnlyFromTheConfiguredProxies() {
        assertThat(configMapData(renderCi("default")).has("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES")).isFalse();

        JsonNode config = configMapData(render("default",
                t -> t.set("proxy.trustedProxies[0]", "10.42.0.0/16").set("proxy.trustedProxies[1]", "192.168.1.7")));

        assertThat(config.path("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING").asText()).isEqualTo("true");
        assertThat(config.path("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED").asText()).isEqualTo("true");
        assertThat(config.path("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").asText()).isEqualTo("10.42.0.0/16,192.168.1.7");
        JsonNode ipv6 = configMapData(render("default",
                t -> t.set("proxy.trustedProxies[0]", "fd00::1").set("proxy.trustedProxies[1]", "fd00:42::/64")));
        assertThat(ipv6.path("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").asText())
                .as("a bare IPv6 address as a range, since Quarkus reads it as a host name").isEqualTo("fd00::1/128,fd00:42::/64");
        assertThatThrownBy(() -> render("default", t -> t.set("proxy.trustedProxies[0]", "ingress.example.com")))
                .hasMessageContaining("trustedProxies");
    }

    @Test
    void shouldUseBuiltInSleepActionWhenAsked() {
        JsonNode container = appContainer(single(
                render("default", t -> t.set("preStop.useSleepAction", true).set("preStop.sleepSeconds", 7)), "Deployment"));

        assertThat(container.at("/lifecycle/preStop/sleep/seconds").asInt()).isEqualTo(7);
        assertThat(container.at("/lifecycle/preStop/exec").isMissingNode()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "default", "ha", "knative" })
    void shouldReferenceSecretsAndNeverInlineThem(String ciValues) {
        List<JsonNode> objects = renderCi(ciValues);
        JsonNode container = podSpec(workload(objects)).at("/containers/0");

        assertThat(envNames(container)).containsAll(SECRET_ENV);
        for (JsonNode env : container.path("env")) {
            assertThat(env.has("value")).as("env %s has an inline value", env.path("name").asText())
                    .isFalse();
            if (SECRET_ENV.contains(env.path("name").asText())) {
                assertThat(env.at("/valueFrom/secretKeyRef/name").asText()).startsWith("inkwell-ci-");
                assertThat(env.at("/valueFrom/secretKeyRef/key").asText()).isNotBlank();
            }
        }
        assertThat(kinds(objects)).as("no chart Secret without inline values").doesNotContain("Secret");
        assertThat(configMapData(objects).toString()).doesNotContain("PRIVATE KEY", "jdbc:", "redis://");
    }

    @Test
    void shouldStoreInlineValuesInTheChartSecretAndReferenceIt() {
        List<JsonNode> objects = render("default", t -> t
                .set("database.password.existingSecret.name", "")
                .set("database.password.value", "not-a-real-password"));
        JsonNode secret = single(objects, "Secret");
        JsonNode deployment = single(objects, "Deployment");
        JsonNode password = appContainer(deployment).path("env").valueStream()
                .filter(env -> env.path("name").asText().equals("QUARKUS_DATASOURCE_PASSWORD"))
                .findFirst().orElseThrow();

        assertThat(secret.path("data").propertyStream().map(Map.Entry::getKey)).containsExactly("password");
        assertThat(password.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo(FULLNAME);
        assertThat(password.at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("password");
        assertThat(deployment.toString()).doesNotContain("not-a-real-password");
        assertThat(deployment.at("/spec/template/metadata/annotations/checksum~1config").asText()).hasSize(64);
    }

    @Test
    void shouldRefuseBothInlineValueAndExistingSecret() {
        assertThatThrownBy(() -> render("default", t -> t.set("database.password.value", "x")))
                .hasMessageContaining("database.password");
    }

    @Test
    void shouldRenderNoSecretValuesByDefault() {
        List<JsonNode> objects = render(null, UnaryOperator.identity());

        assertThat(kinds(objects)).doesNotContain("Secret");
        assertThat(envNames(appContainer(single(objects, "Deployment")))).doesNotContainAnyElementsOf(SECRET_ENV);
    }

    @Test
    void shouldRenderReplicasWithoutHpaOrPdbByDefault() {
        List<JsonNode> objects = renderCi("default");

        assertThat(kinds(objects)).contains("Deployment", "Service", "ServiceAccount", "ConfigMap")
                .doesNotContain("HorizontalPodAutoscaler", "PodDisruptionBudget", "Ingress", "NetworkPolicy",
                        "ServiceMonitor");
        assertThat(single(objects, "Deployment").at("/spec/replicas").asInt()).isEqualTo(2);
        JsonNode service = single(objects, "Service");
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
    }

    @Test
    void shouldHandReplicasToHpaAndProtectWithPdbWhenHighlyAvailable() {
        List<JsonNode> objects = renderCi("ha");
        JsonNode deployment = single(objects, "Deployment");
        JsonNode hpa = single(objects, "HorizontalPodAutoscaler");
        JsonNode pdb = single(objects, "PodDisruptionBudget");

        assertThat(deployment.at("/spec/replicas").isMissingNode()).as("replicas left to the HPA").isTrue();
        assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(FULLNAME);
        assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(3);
        assertThat(pdb.path("apiVersion").asText()).isEqualTo("policy/v1");
        assertThat(pdb.at("/spec/selector/matchLabels"))
                .isEqualTo(deployment.at("/spec/selector/matchLabels"));
        JsonNode serviceMonitor = single(objects, "ServiceMonitor");
        assertThat(serviceMonitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(serviceMonitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
        assertThat(serviceMonitor.at("/spec/endpoints/0/port").asText()).isEqualTo("management");
        JsonNode scraped = objects.stream()
                .filter(o -> kind(o).equals("Service") && o.at("/metadata/name").asText().equals(FULLNAME + "-management"))
                .findFirst().orElseThrow();
        assertThat(scraped.at("/spec/ports/0/name").asText()).isEqualTo("management");
        assertThat(scraped.at("/spec/ports/0/targetPort").asText()).isEqualTo("management");
        assertThat(scraped.at("/spec/ports")).hasSize(1);
        serviceMonitor.at("/spec/selector/matchLabels").properties().forEach(label -> assertThat(
                scraped.at("/metadata/labels").path(label.getKey()).asText()).as(label.getKey())
                .isEqualTo(label.getValue().asText()));
        assertThat(serviceMonitor.at("/spec/selector/matchLabels/app.kubernetes.io~1component").asText())
                .as("selects the management Service, not the API one").isEqualTo("management");
        assertThat(kinds(objects)).contains("Ingress", "NetworkPolicy");
    }

    @Test
    void shouldShipTheGrafanaDashboardWhenEnabled() throws IOException {
        JsonNode dashboardMap = renderCi("ha").stream()
                .filter(o -> kind(o).equals("ConfigMap") && o.at("/metadata/labels/grafana_dashboard").asText().equals("1"))
                .findFirst().orElseThrow();
        JsonNode dashboard = YAML.readTree(dashboardMap.at("/data/inkwell.json").asText());
        String expressions = dashboard.findValues("expr").toString();

        assertThat(expressions).contains("http_server_requests_seconds", "jvm_memory_used_bytes", "agroal_",
                "inkwell_users_registered_total", "inkwell_logins_failed_total",
                "inkwell_articles_published_total", "inkwell_comments_posted_total",
                "inkwell_events_outbox_backlog", "inkwell_events_stream_lag_seconds", "inkwell_events_handled_total",
                "inkwell_events_retried_total", "inkwell_events_dead_lettered_total", "inkwell_events_handling_seconds_bucket");
    }

    @Test
    void shouldRenderKnativeServiceInsteadOfDeployment() {
        List<JsonNode> objects = renderCi("knative");
        JsonNode ksvc = workload(objects);
        JsonNode container = appContainer(ksvc);
        JsonNode annotations = ksvc.at("/spec/template/metadata/annotations");

        assertThat(ksvc.path("apiVersion").asText()).isEqualTo("serving.knative.dev/v1");
        assertThat(kinds(objects)).doesNotContain("Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                "Ingress");
        assertThat(objects).noneMatch(o -> kind(o).equals("Service") && o.path("apiVersion").asText().equals("v1"));
        assertThat(annotations.path("autoscaling.knative.dev/min-scale").asText()).isEqualTo("0");
        assertThat(annotations.path("autoscaling.knative.dev/max-scale").asText()).isEqualTo("5");
        assertThat(annotations.path("autoscaling.knative.dev/target").asText()).isEqualTo("50");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(container.path("ports")).as("Knative allows one port").hasSize(1);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(container.at("/" + probe + "/tcpSocket").isObject()).as("%s checks the API port", probe).isTrue();
            assertThat(container.at("/" + probe + "/tcpSocket").has("port")).as("Knative probes are port-less").isFalse();
        }
        assertThat(container.at("/envFrom/0/configMapRef/name").asText()).isEqualTo(FULLNAME);
    }

    @Test
    void shouldRejectWrongTypesThroughTheSchema() {
        assertThatThrownBy(() -> render("default", t -> t.set("replicaCount", "three")))
                .hasMessageContaining("schema");
        assertThatThrownBy(() -> render("default", t -> t.set("knative.enabled", "yes")))
                .hasMessageContaining("schema");
        assertThatThrownBy(() -> render("default", t -> t.set("replicas", 3)))
                .as("unknown top-level key").hasMessageContaining("schema");
    }
}
