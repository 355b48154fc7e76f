package io.inkwell.common.error;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Every failure, however the request went wrong, is answered in the one RealWorld error envelope. */
@QuarkusTest
class ErrorHandlingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OVER_ONE_MEGABYTE = 1024 * 1024 + 1024;

    @TestHTTPResource("/api/users")
    URI users;

    @Test
    void shouldReturn400EnvelopeForMalformedJson() {
        Response response = anonymous().body("{\"user\": {\"email\": ").post("/api/users");

        assertEnvelope(response, 400);
        response.then().body("errors.body", contains("is not valid JSON"));
    }

    @Test
    void shouldReturn400KeyedByFieldWhenStringFieldGetsNumber() {
        Response response = anonymous()
                .body("{\"user\":{\"username\":42,\"email\":\"n@example.com\",\"password\":\"long enough\"}}")
                .post("/api/users");

        assertEnvelope(response, 400);
        response.then().body("errors.username", contains("has the wrong JSON type"));
    }

    @Test
    void shouldReturn400KeyedByFieldWhenTagListIsAString() {
        Registered author = register("errors");

        Response response = as(author)
                .body("{\"article\":{\"title\":\"T\",\"description\":\"D\",\"body\":\"B\",\"tagList\":\"dragons\"}}")
                .post("/api/articles");

        assertEnvelope(response, 400);
        response.then().body("errors.tagList", contains("has the wrong JSON type"));
    }

    @Test
    void shouldReturn400WhenEnvelopeIsNotAnObject() {
        Response response = anonymous().body("[1, 2, 3]").post("/api/users");

        assertEnvelope(response, 400);
    }

    @Test
    void shouldReturn405ForWrongMethod() {
        Registered author = register("errors");
        Response response = as(author).body("{}").patch("/api/articles");

        assertEnvelope(response, 405);
    }

    @Test
    void shouldReturn404EnvelopeForUnknownApiRoute() {
        Response response = anonymous().get("/api/no-such-thing");

        assertEnvelope(response, 404);
    }

    @Test
    void shouldReturn404EnvelopeForUnknownRouteOutsideApi() {
        Response response = anonymous().get("/no-such-thing");

        assertEnvelope(response, 404);
    }

    @Test
    void shouldReturn413EnvelopeWhenDeclaredBodyOverOneMegabyte() {
        String huge = "{\"user\":{\"email\":\"" + "a".repeat(OVER_ONE_MEGABYTE) + "\"}}";

        Response response = anonymous().body(huge).post("/api/users");

        assertEnvelope(response, 413);
        response.then().body("errors.body", contains("is too large (maximum is 1048576 bytes)"));
    }

    @Test
    void shouldReturn413EnvelopeWhenStreamedBodyCrossesOneMegabyte() throws Exception {
        byte[] huge = ("{\"user\":{\"email\":\"" + "a".repeat(OVER_ONE_MEGABYTE) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = sendChunked(huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(response.body()).at("/errors/body/0").asText()).startsWith("is too large");
    }

    @Test
    void shouldAcceptStreamedBodyUnderTheLimit() throws Exception {
        String username = unique("chunked");
        byte[] body = ("{\"user\":{\"username\":\"" + username + "\",\"email\":\"" + username
                + "@example.com\",\"password\":\"" + "p".repeat(200) + "\"}}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = sendChunked(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(JSON.readTree(response.body()).at("/user/username").asText()).isEqualTo(username);
    }

    @Test
    void shouldAcceptBodyOfExactlyOneMegabyte() {
        String username = unique("roomy");
        String user = "{\"user\":{\"username\":\"" + username + "\",\"email\":\"" + username
                + "@example.com\",\"password\":\"long enough\"}";
        String body = user + " ".repeat(1024 * 1024 - user.length() - 1) + "}";
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(1024 * 1024);

        anonymous().body(body).post("/api/users")
                .then().statusCode(201)
                .body("user.username", equalTo(username));
    }

    @Test
    void shouldReturn415ForPlainTextBody() {
        Response response = given().contentType(ContentType.TEXT).accept(ContentType.JSON)
                .body("username=alice").post("/api/users");

        assertEnvelope(response, 415);
    }

    @Test
    void shouldRefuseANulCharacterInABodyAt422AndInAQueryAt400() {
        Registered author = register("nul");
        Response article = as(author)
                .body(Map.of("article", Map.of("title", "a\u0000b", "description", "d", "body", "b")))
                .post("/api/articles");
        assertEnvelope(article, 422);
        article.then().body("errors.title", contains("must not contain control characters such as NUL"));

        assertEnvelope(anonymous().queryParam("tag", "a\u0000b").get("/api/articles"), 400);
        assertEnvelope(anonymous().get("/api/profiles/a%00b"), 404); // no username can hold one
    }

    @Test
    void shouldAnswerValidationErrorsInEnvelope() {
        Response response = anonymous().body("{\"user\":{}}").post("/api/users");

        assertEnvelope(response, 422);
    }

    @Test
    void shouldAnswerAuthenticationErrorsInEnvelope() {
        assertEnvelope(anonymous().get("/api/user"), 401);
        assertEnvelope(anonymous().header("Authorization", "Token x.y.z").get("/api/user"), 401);
    }

    @Test
    void shouldAnswerPreflightFromConfiguredOrigin() {
        given().header("Origin", "http://localhost:4200")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/users")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:4200"))
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("content-type"));
    }

    @Test
    void shouldNotAllowUnconfiguredOrigin() {
        Response preflight = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/users");
        Response simple = given().header("Origin", "https://evil.example").get("/api/tags");

        assertThat(preflight.header("Access-Control-Allow-Origin")).isNotEqualTo("https://evil.example").isNotEqualTo("*");
        assertThat(simple.header("Access-Control-Allow-Origin")).isNotEqualTo("https://evil.example").isNotEqualTo("*");
    }

    @Test
    void shouldAllowConfiguredOriginOnActualRequest() {
        given().header("Origin", "http://localhost:4200").get("/api/tags")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:4200"))
                .header("Access-Control-Allow-Origin", not(equalTo("*")));
    }

    /** Posts to /api/users with no length known up front: chunked, so only reading the body reveals its size. */
    private HttpResponse<String> sendChunked(byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(users)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * The RealWorld shape {@code {"errors":{"<key>":["..."]}}}, served as JSON, naming no Java class
     * and carrying no stack trace.
     */
    private static void assertEnvelope(Response response, int status) {
        String body = response.asString();
        assertThat(response.statusCode()).as("status of %s", body).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", body).startsWith("application/json");
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
        assertThat(root.isObject()).as(body).isTrue();
        assertThat(root.fieldNames()).as(body).toIterable().containsExactly("errors");
        JsonNode errors = root.get("errors");
        assertThat(errors.isObject() && errors.size() > 0).as(body).isTrue();
        errors.fields().forEachRemaining(field -> {
            assertThat(field.getValue().isArray() && field.getValue().size() > 0).as(body).isTrue();
            field.getValue().forEach(message -> assertThat(message.isTextual()).as(body).isTrue());
        });
        assertThat(body).doesNotContain("Exception", "java.", "jakarta.", "io.inkwell", "io.quarkus",
                "org.", "com.fasterxml", "\tat ", ".java:");
    }
}
