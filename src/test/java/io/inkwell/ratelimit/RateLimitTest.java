package io.inkwell.ratelimit;

import static io.inkwell.support.Api.PASSWORD;
import static io.inkwell.support.Api.clientAddress;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The limits of issue #7's table, over HTTP, with the default settings. */
@QuarkusTest
class RateLimitTest {

    private static RequestSpecification from(String ip) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).header("X-Forwarded-For", ip);
    }

    private static Response login(String ip, String email, String password) {
        return from(ip).body(Map.of("user", Map.of("email", email, "password", password))).post("/api/users/login");
    }

    @Test
    void shouldRefuseTheSixthLoginOfAnAccountFromOneIpForFifteenMinutesEvenWithTheRightPassword() {
        Registered alice = register("brute");
        String ip = clientAddress();
        for (int failure = 1; failure <= 5; failure++) {
            login(ip, alice.email(), "wrong password").then().statusCode(401)
                    .header("RateLimit-Policy", "\"failed-logins-account-ip\";q=5;w=900, \"failed-logins-ip\";q=20;w=900")
                    .header("RateLimit", matchesPattern("\"failed-logins-account-ip\";r=" + (5 - failure)
                            + ";t=\\d+, \"failed-logins-ip\";r=" + (20 - failure) + ";t=\\d+"));
        }

        Response refused = login(ip, alice.email(), PASSWORD);

        refused.then().statusCode(429)
                .contentType(ContentType.JSON)
                .body("errors.body", contains(matchesPattern("too many failed logins; try again in \\d+ seconds")))
                .header("RateLimit", matchesPattern("\"failed-logins-account-ip\";r=0;t=\\d+, .*"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(850L, 900L);
        login(clientAddress(), alice.email(), PASSWORD).then().statusCode(200);
    }

    @Test
    void shouldRefuseAnIpThatFailedTwentyLoginsWhateverTheAccount() {
        String ip = clientAddress();
        for (int i = 0; i < 20; i++) {
            login(ip, unique("nobody") + "@example.com", "wrong password").then().statusCode(401);
        }
        Registered bob = register("stuffed");

        login(ip, bob.email(), PASSWORD).then().statusCode(429);
        login(clientAddress(), bob.email(), PASSWORD).then().statusCode(200);
    }

    @Test
    void shouldNotCountSuccessfulLogins() {
        Registered carol = register("regular");
        String ip = clientAddress();
        for (int i = 0; i < 8; i++) {
            login(ip, carol.email(), PASSWORD).then().statusCode(200)
                    .header("RateLimit", matchesPattern("\"failed-logins-account-ip\";r=5;t=\\d+, \"failed-logins-ip\";r=20;t=\\d+"));
        }
    }

    @Test
    void shouldLimitRegistrationsToTenAnHourPerIp() {
        String ip = clientAddress();
        for (int i = 1; i <= 10; i++) {
            newUser(ip).then().statusCode(201)
                    .header("RateLimit-Policy", "\"registrations-ip\";q=10;w=3600")
                    .header("RateLimit", matchesPattern("\"registrations-ip\";r=" + (10 - i) + ";t=\\d+"));
        }

        newUser(ip).then().statusCode(429).header("Retry-After", matchesPattern("\\d+"))
                .body("errors.body", contains(matchesPattern("too many registrations; try again in \\d+ seconds")));
        newUser(clientAddress()).then().statusCode(201);
    }

    @Test
    void shouldLimitWritesToSixtyAMinutePerUser() {
        Registered author = register("busy");
        Registered fan = register("fan");
        String slug = publish(author, "Starred often " + unique("t"));
        for (int i = 0; i < 30; i++) {
            writeAs(fan).post("/api/articles/{slug}/favorite", slug).then().statusCode(200)
                    .header("RateLimit-Policy", "\"writes-user\";q=60;w=60");
            writeAs(fan).delete("/api/articles/{slug}/favorite", slug).then().statusCode(200);
        }

        writeAs(fan).post("/api/articles/{slug}/favorite", slug).then().statusCode(429)
                .header("Retry-After", matchesPattern("\\d+")).header("RateLimit", matchesPattern("\"writes-user\";r=0;t=\\d+"));
        writeAs(fan).body(Map.of("user", Map.of("bio", "x"))).put("/api/user").then().statusCode(429);
        writeAs(author).post("/api/articles/{slug}/favorite", slug).then().statusCode(200);
    }

    @Test
    void shouldSendNoRateLimitHeadersOnUnlimitedEndpoints() {
        given().get("/api/tags").then().statusCode(200).header("RateLimit", nullValue()).header("RateLimit-Policy", nullValue());
    }

    @Test
    void shouldKeepCountingWhenAClientPrependsForwardedAddresses() {
        Registered dave = register("spoofer");
        String ip = clientAddress();
        for (int i = 0; i < 5; i++) {
            login(clientAddress() + ", " + ip, dave.email(), "wrong password").then().statusCode(401);
        }

        login(clientAddress() + ", " + ip, dave.email(), PASSWORD).then().statusCode(429);
    }

    @Test
    void shouldRefuseWritesOfAnotherMinuteWithTheEnvelope() {
        Registered user = register("envelope");
        Response response = null;
        for (int i = 0; i <= 60; i++) {
            response = writeAs(user).body(Map.of("user", Map.of("bio", "bio " + i))).put("/api/user");
        }
        response.then().statusCode(429).body("errors.body[0]", matchesPattern("too many changes; try again in \\d+ seconds"))
                .body("errors.size()", equalTo(1));
    }

    /** From 127.0.0.2: a loopback address, but not one the test profile trusts as a proxy. */
    @Test
    void shouldIgnoreForwardedForFromAPeerThatIsNotATrustedProxy() throws Exception {
        Registered erin = register("rotator");
        HttpClient untrusted = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
        for (int i = 0; i < 5; i++) {
            assertThat(loginFrom(untrusted, erin.email(), "wrong password").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = loginFrom(untrusted, erin.email(), PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    /** Each time claiming to come from yet another address. */
    private static HttpResponse<String> loginFrom(HttpClient client, String email, String password) throws Exception {
        String body = "{\"user\":{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/users/login"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", clientAddress())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldDocumentThe429OfEveryLimitedOperationBesideItsUsualAnswers() throws Exception {
        JsonNode openApi = new ObjectMapper().readTree(given().accept(ContentType.JSON).get("/q/openapi").asString());
        JsonNode paths = openApi.path("paths");

        for (String[] operation : new String[][] { { "/api/users/login", "post" }, { "/api/users", "post" },
                { "/api/user", "put" }, { "/api/articles", "post" }, { "/api/articles/{slug}", "delete" },
                { "/api/articles/{slug}/favorite", "post" }, { "/api/profiles/{username}/follow", "delete" },
                { "/api/articles/{slug}/comments", "post" } }) {
            JsonNode responses = paths.path(operation[0]).path(operation[1]).path("responses");
            assertThat(responses.path("429").path("$ref").asText()).as("%s %s", operation[1], operation[0])
                    .isEqualTo("#/components/responses/TooManyRequests");
            assertThat(responses.fieldNames()).toIterable().as("%s %s still documents its answer", operation[1], operation[0])
                    .anyMatch(code -> code.startsWith("2"));
        }
        assertThat(paths.path("/api/tags").path("get").path("responses").has("429")).isFalse();
        JsonNode tooMany = openApi.at("/components/responses/TooManyRequests");
        assertThat(tooMany.path("headers").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("Retry-After", "RateLimit-Policy", "RateLimit");
    }

    private static RequestSpecification writeAs(Registered user) {
        return from(clientAddress()).header("Authorization", "Token " + user.token());
    }

    private static Response newUser(String ip) {
        String name = unique("reg");
        return from(ip).body(Map.of("user", Map.of("username", name, "email", name + "@example.com", "password", PASSWORD)))
                .post("/api/users");
    }
}
