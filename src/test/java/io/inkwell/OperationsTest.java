package io.inkwell;

import static io.inkwell.support.Api.PASSWORD;
import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static io.inkwell.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What operators and API consumers rely on besides the API itself: probes, metrics, the contract. */
@QuarkusTest
class OperationsTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void shouldReportLive() {
        management().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void shouldReportReadyWithDatabaseAndRedisUp() {
        management().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.findAll { it.name.toLowerCase().contains('database') }.status", contains("UP"))
                .body("checks.findAll { it.name.toLowerCase().contains('redis') }.status", contains("UP"));
    }

    @Test
    void shouldReportStarted() {
        management().get("/q/health/started")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void shouldExposePrometheusMetricsWithHttpTimings() {
        anonymous().get("/api/tags").then().statusCode(200);

        String metrics = management().accept(ContentType.TEXT).get("/q/metrics")
                .then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/plain"))
                .extract().asString();

        assertThat(metrics).contains("# TYPE http_server_requests_seconds")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/tags\"[^}]*\\} [0-9.]+");
    }

    @Test
    void shouldTagHttpMetricsByRouteTemplateAndExposeJvmPoolAndRedisMetrics() {
        anonymous().get("/api/articles/{slug}", unique("no-such-article")).then().statusCode(404);
        management().get("/q/health/ready").then().statusCode(200);

        String metrics = management().accept(ContentType.TEXT).get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics)
                .contains("uri=\"/api/articles/{slug}\"")
                .doesNotContain("no-such-article")
                .contains("jvm_memory_used_bytes")
                .contains("agroal_")
                .containsPattern("(?m)^redis_\\w+");
    }

    @Test
    void shouldCountEachRegistration() {
        double before = counter("inkwell_users_registered_total");

        register("counted");

        assertThat(counter("inkwell_users_registered_total")).isEqualTo(before + 1);
    }

    @Test
    void shouldNotCountRefusedRegistration() {
        register("counted");
        double before = counter("inkwell_users_registered_total");

        anonymous().body(Map.of("user", Map.of("username", unique("bad"), "email", "invalid", "password", PASSWORD)))
                .post("/api/users").then().statusCode(422);

        assertThat(counter("inkwell_users_registered_total")).isEqualTo(before);
    }

    @Test
    void shouldCountFailedLogins() {
        var alice = register("counted");
        double before = counter("inkwell_logins_failed_total");

        anonymous().body(Map.of("user", Map.of("email", alice.email(), "password", "wrong password")))
                .post("/api/users/login").then().statusCode(401);
        anonymous().body(Map.of("user", Map.of("email", unique("nobody") + "@example.com", "password", PASSWORD)))
                .post("/api/users/login").then().statusCode(401);

        assertThat(counter("inkwell_logins_failed_total")).isEqualTo(before + 2);

        anonymous().body(Map.of("user", Map.of("email", alice.email(), "password", PASSWORD)))
                .post("/api/users/login").then().statusCode(200);
        assertThat(counter("inkwell_logins_failed_total")).isEqualTo(before + 2);
    }

    @Test
    void shouldDescribeEveryContractOperationUnderApiPrefix() throws IOException {
        JsonNode contract = contract();
        JsonNode ours = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString());

        List<String> expected = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        contract.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                String operation = method.toUpperCase() + " /api" + path.getKey();
                expected.add(operation);
                if (ours.path("paths").path("/api" + path.getKey()).path(method).isMissingNode()) {
                    missing.add(operation);
                }
            }
        }));

        assertThat(expected).hasSizeGreaterThanOrEqualTo(19).contains("GET /api/tags", "POST /api/users/login");
        assertThat(missing).isEmpty();
    }

    @Test
    void shouldRequireTokenInDescriptionWhereContractDoes() throws IOException {
        JsonNode contract = contract();
        JsonNode ours = new ObjectMapper().readTree(given().accept(ContentType.JSON).get("/q/openapi")
                .then().statusCode(200).extract().asString());

        List<String> secured = new ArrayList<>();
        List<String> unsecured = new ArrayList<>();
        contract.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (requiresToken(method.getValue())) {
                String operation = method.getKey().toUpperCase() + " /api" + path.getKey();
                secured.add(operation);
                if (!requiresToken(ours.path("paths").path("/api" + path.getKey()).path(method.getKey()))) {
                    unsecured.add(operation);
                }
            }
        }));

        assertThat(secured).contains("GET /api/user", "PUT /api/user", "POST /api/profiles/{username}/follow");
        assertThat(unsecured).isEmpty();
    }

    @Test
    void shouldDeclareTokenSecuritySchemeInAuthorizationHeader() {
        given().accept(ContentType.JSON).get("/q/openapi")
                .then().statusCode(200)
                .body("components.securitySchemes.Token.type", equalTo("apiKey"))
                .body("components.securitySchemes.Token.in", equalTo("header"))
                .body("components.securitySchemes.Token.name", equalTo("Authorization"));
    }

    private static boolean requiresToken(JsonNode operation) {
        for (JsonNode requirement : operation.path("security")) {
            if (requirement.has("Token")) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode contract() throws IOException {
        try (InputStream yaml = OperationsTest.class.getResourceAsStream("/realworld/openapi.yml")) {
            assertThat(yaml).as("contract on the test classpath").isNotNull();
            return new ObjectMapper(new YAMLFactory()).readTree(yaml);
        }
    }

    /** The current value of an untagged counter in the Prometheus exposition; 0 before its first increment. */
    private static double counter(String name) {
        String metrics = management().accept(ContentType.TEXT).get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(metrics);
        assertThat(metrics).as("metrics declare %s", name).contains("# TYPE " + name.replace("_total", ""));
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
