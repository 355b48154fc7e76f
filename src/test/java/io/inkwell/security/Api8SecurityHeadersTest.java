package io.inkwell.security;

import static io.inkwell.support.Api.PASSWORD;
import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * API8 (security misconfiguration): every answer carries headers that keep browsers from sniffing,
 * framing or scripting it; answers with tokens or a signed-in caller's data are never cached; OPTIONS
 * and 405 advertise only the methods a route serves, and CORS preflights still work.
 */
@QuarkusTest
class Api8SecurityHeadersTest {

    @Test
    void shouldSendSecurityHeadersOnEveryAnswer() {
        Registered alice = register("headers");
        for (Response response : new Response[] {
                anonymous().get("/api/tags"),
                anonymous().get("/no-such-page"),
                anonymous().get("/api/user"),
                as(alice).get("/api/user"),
                anonymous().body("{\"user\":{}}").post("/api/users"),
                anonymous().body("{\"user\":{\"bio\":\"" + "a".repeat(1024 * 1024) + "\"}}").post("/api/users") }) {
            response.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
        }
    }

    @Test
    void shouldForbidCachingAnswersWithTokensOrPrivateData() {
        Registered alice = register("private");
        String slug = publish(alice, "Cached or not");

        assertThat(as(alice).get("/api/user").header("Cache-Control")).isEqualTo("no-store");
        assertThat(as(alice).get("/api/articles/{slug}", slug).header("Cache-Control")).isEqualTo("no-store");
        assertThat(as(alice).get("/api/articles/feed").header("Cache-Control")).isEqualTo("no-store");
        assertThat(anonymous().body(Map.of("user", Map.of("email", alice.email(), "password", PASSWORD)))
                .post("/api/users/login").header("Cache-Control")).isEqualTo("no-store");
        assertThat(anonymous().get("/api/articles/{slug}", slug).header("Cache-Control"))
                .as("a public read stays cacheable").isNull();
    }

    @Test
    void shouldAdvertiseOnlyTheMethodsARouteServes() {
        Registered alice = register("allow");
        String slug = publish(alice, "Allowed methods");

        allow(given().options("/api/articles"), "GET, HEAD, OPTIONS, POST");
        allow(given().options("/api/articles/{slug}", slug), "DELETE, GET, HEAD, OPTIONS, PUT");
        allow(given().options("/api/articles/{slug}/comments/1", slug), "DELETE, OPTIONS");
        allow(given().options("/api/user"), "GET, HEAD, OPTIONS, PUT");
        allow(given().options("/api/users/login"), "OPTIONS, POST");
        allow(given().options("/api/tags"), "GET, HEAD, OPTIONS");
        given().options("/api/no-such-route").then().statusCode(404);

        Response notAllowed = as(alice).delete("/api/tags");
        Api8ErrorEnvelopeTest.envelope(notAllowed, 405);
        assertThat(notAllowed.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(anonymous().delete("/api/user").header("Allow")).isEqualTo("GET, HEAD, OPTIONS, PUT");
    }

    @Test
    void shouldStillAnswerCorsPreflightsFromAllowedOrigins() {
        given().header("Origin", "http://localhost:4200")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/user")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:4200"))
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("PUT"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"));
    }

    private static void allow(Response response, String methods) {
        response.then().statusCode(200).header("Allow", methods);
    }
}
