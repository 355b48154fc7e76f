package io.inkwell.security;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * API8 (security misconfiguration): every error is the JSON envelope, whatever the client says it
 * accepts; it never becomes an HTML page, a Java {@code toString()}, or a stack trace. A JSON object
 * that repeats a key is a 400, never the 500 that record binding used to give.
 */
@QuarkusTest
class Api8ErrorEnvelopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldAnswerErrorsAsJsonWhateverTheAcceptHeader() {
        for (String accept : new String[] { "text/html", "application/xml", "text/plain", "image/png", "*/*" }) {
            envelope(given().accept(accept).get("/no-such-page"), 404);
            envelope(given().accept(accept).get("/api/user"), accept.equals("*/*") ? 401 : 406);
            envelope(given().accept(accept).contentType("application/json").body("{\"user\":{}}")
                    .post("/api/users"), accept.equals("*/*") ? 422 : 406);
            envelope(given().accept(accept).patch("/api/tags"), 405);
        }
    }

    @Test
    void shouldRefuseRepeatedKeysWithA400KeyedByTheField() {
        Registered alice = register("dup");
        String slug = publish(alice, "Duplicate keys");

        envelope(anonymous().body("{\"user\":{\"email\":\"a@example.com\",\"email\":\"b@example.com\","
                + "\"password\":\"correct horse\"}}").post("/api/users/login"), 400)
                .then().body("errors.email", contains("is given more than once"));
        envelope(anonymous().body("{\"user\":{\"email\":\"a@example.com\",\"password\":\"x\"},\"user\":{}}")
                .post("/api/users/login"), 400)
                .then().body("errors.user", contains("is given more than once"));
        envelope(as(alice).body("{\"article\":{\"title\":\"a\",\"title\":\"b\",\"description\":\"d\",\"body\":\"b\"}}")
                .post("/api/articles"), 400);
        envelope(as(alice).body("{\"comment\":{\"body\":\"a\",\"body\":\"b\"}}")
                .post("/api/articles/{slug}/comments", slug), 400)
                .then().body("errors.body", contains("is given more than once"));
    }

    /** The RealWorld envelope, as JSON, naming no Java class and carrying no stack trace. */
    static Response envelope(Response response, int status) {
        String body = response.asString();
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.contentType()).as(body).startsWith("application/json");
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
        assertThat(root.fieldNames()).toIterable().as(body).containsExactly("errors");
        root.get("errors").fields().forEachRemaining(field ->
                assertThat(field.getValue().isArray() && !field.getValue().isEmpty()).as(body).isTrue());
        assertThat(body).doesNotContain("Exception", "java.", "io.inkwell", "ErrorResponse[", "\tat ", "<html");
        return response;
    }
}
