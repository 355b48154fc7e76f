package io.inkwell.security;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * API5 (broken function level authorization): every function that writes, or reads a user's own
 * data, needs a signed-in caller; the operations functions (health, metrics) are not functions of
 * the API port at all.
 */
@QuarkusTest
class Api5FunctionLevelAuthorizationTest {

    private static final Map<String, Object> ARTICLE = Map.of("article",
            Map.of("title", "t", "description", "d", "body", "b"));

    @Test
    void shouldRequireASignedInCallerForEveryWriteAndPrivateRead() {
        Registered alice = register("owner");
        String slug = publish(alice, "Only for the signed in");

        missingToken(anonymous().get("/api/user"));
        missingToken(anonymous().body(Map.of("user", Map.of("bio", "x"))).put("/api/user"));
        missingToken(anonymous().get("/api/articles/feed"));
        missingToken(anonymous().body(ARTICLE).post("/api/articles"));
        missingToken(anonymous().body(ARTICLE).put("/api/articles/{slug}", slug));
        missingToken(anonymous().delete("/api/articles/{slug}", slug));
        missingToken(anonymous().post("/api/articles/{slug}/favorite", slug));
        missingToken(anonymous().delete("/api/articles/{slug}/favorite", slug));
        missingToken(anonymous().body(Map.of("comment", Map.of("body", "c")))
                .post("/api/articles/{slug}/comments", slug));
        missingToken(anonymous().delete("/api/articles/{slug}/comments/1", slug));
        missingToken(anonymous().post("/api/profiles/{username}/follow", alice.username()));
        missingToken(anonymous().delete("/api/profiles/{username}/follow", alice.username()));
    }

    @Test
    void shouldNotServeOperationsEndpointsOnTheApiPort() {
        for (String path : new String[] { "/q/health", "/q/health/ready", "/q/health/live", "/q/metrics" }) {
            anonymous().get(path).then().statusCode(404).body("errors.body[0]", equalTo("not found"));
        }
    }

    private static void missingToken(Response response) {
        response.then().statusCode(401).header("WWW-Authenticate", "Token")
                .body("errors.token[0]", equalTo("is missing"));
    }
}
