package io.inkwell.common.security;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkwell.config.InkwellConfig;
import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/**
 * Tokens are checked wherever they are presented: accepted in both schemes, refused with one
 * message when forged, expired or foreign, even on endpoints where signing in is optional.
 */
@QuarkusTest
class AuthenticationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PrivateKey foreignKey;

    @Inject
    InkwellConfig config;

    @BeforeAll
    static void generateForeignKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        foreignKey = generator.generateKeyPair().getPrivate();
    }

    @Test
    void shouldAcceptTokenScheme() {
        Registered alice = register("auth");

        anonymous().header("Authorization", "Token " + alice.token())
                .get("/api/user")
                .then().statusCode(200)
                .body("user.username", equalTo(alice.username()));
    }

    @Test
    void shouldAcceptBearerScheme() {
        Registered alice = register("auth");

        anonymous().header("Authorization", "Bearer " + alice.token())
                .get("/api/user")
                .then().statusCode(200)
                .body("user.username", equalTo(alice.username()));
    }

    @Test
    void shouldIssueRs256TokensWithIssuerAndConfiguredLifespan() {
        Registered alice = register("auth");

        Map<String, Object> header = part(alice.token(), 0);
        Map<String, Object> claims = part(alice.token(), 1);

        assertThat(header).containsEntry("alg", "RS256");
        assertThat(claims).containsEntry("iss", "inkwell").containsEntry("aud", "inkwell")
                .containsEntry("upn", alice.username());
        assertThat(config.jwt().issuer()).isEqualTo("inkwell");
        long iat = ((Number) claims.get("iat")).longValue();
        long exp = ((Number) claims.get("exp")).longValue();
        assertThat(Duration.ofSeconds(exp - iat)).isEqualTo(config.jwt().lifespan()).isEqualTo(Duration.ofHours(24));
        assertThat(Instant.ofEpochSecond(exp)).isBetween(Instant.now().plus(Duration.ofHours(23)),
                Instant.now().plus(Duration.ofHours(25)));
    }

    @Test
    void shouldAcceptTokenMintedWithTheApplicationKey() {
        Registered alice = register("auth");

        String token = Jwt.issuer("inkwell").audience("inkwell")
                .subject(subjectOf(alice)).expiresIn(Duration.ofMinutes(5)).sign();

        withToken(token).get("/api/user")
                .then().statusCode(200)
                .body("user.username", equalTo(alice.username()))
                .body("user.token", equalTo(token));
    }

    @Test
    void shouldReturn401WhenTokenPayloadTampered() {
        Registered alice = register("auth");
        Registered mallory = register("auth");
        String[] parts = mallory.token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"" + subjectOf(mallory) + "\"", "\"sub\":\"" + subjectOf(alice) + "\"");
        assertThat(payload).contains("\"sub\":\"" + subjectOf(alice) + "\"");
        String tampered = parts[0] + "." + base64Url(payload) + "." + parts[2];

        assertInvalid(withToken(tampered).get("/api/user"));
    }

    @Test
    void shouldReturn401WhenTokenExpired() {
        Registered alice = register("auth");
        Instant issued = Instant.now().minus(Duration.ofHours(2));

        String expired = Jwt.issuer("inkwell").audience("inkwell").subject(subjectOf(alice))
                .issuedAt(issued).expiresAt(issued.plus(Duration.ofHours(1))).sign();

        assertInvalid(withToken(expired).get("/api/user"));
    }

    @Test
    void shouldReturn401WhenTokenUnsigned() {
        Registered alice = register("auth");
        long now = Instant.now().getEpochSecond();
        String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + base64Url("{\"iss\":\"inkwell\",\"aud\":\"inkwell\",\"sub\":\"" + subjectOf(alice)
                        + "\",\"upn\":\"" + alice.username()
                        + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}")
                + ".";

        assertInvalid(withToken(unsigned).get("/api/user"));
    }

    @Test
    void shouldReturn401WhenTokenSignedByAnotherKey() {
        Registered alice = register("auth");

        String forged = Jwt.issuer("inkwell").audience("inkwell")
                .subject(subjectOf(alice)).expiresIn(Duration.ofMinutes(5))
                .sign(foreignKey);

        assertInvalid(withToken(forged).get("/api/user"));
    }

    @Test
    void shouldReturn401WhenTokenFromAnotherIssuer() {
        Registered alice = register("auth");

        String foreign = Jwt.issuer("someone-else").audience("inkwell")
                .subject(subjectOf(alice)).expiresIn(Duration.ofMinutes(5)).sign();

        assertInvalid(withToken(foreign).get("/api/user"));
    }

    @Test
    void shouldReturn401WhenTokenNamesNoExistingUser() {
        String orphan = Jwt.issuer("inkwell").audience("inkwell")
                .subject(Long.toString(Long.MAX_VALUE)).expiresIn(Duration.ofMinutes(5))
                .sign();

        assertInvalid(withToken(orphan).get("/api/user"));
    }

    @Test
    void shouldReturn401WhenTokenIsGarbage() {
        assertInvalid(withToken("not.a.jwt").get("/api/user"));
    }

    @Test
    void shouldReturn401WithMissingMessageWhenNoToken() {
        anonymous().get("/api/user")
                .then().statusCode(401)
                .contentType("application/json")
                .body("errors.token", contains("is missing"));
    }

    @Test
    void shouldReturn401WhenInvalidTokenSentToArticleListWhereSigningInIsOptional() {
        assertInvalid(withToken("not.a.jwt").get("/api/articles"));
    }

    @Test
    void shouldReturn401WhenExpiredTokenSentToProfileWhereSigningInIsOptional() {
        Registered alice = register("auth");
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        String expired = Jwt.issuer("inkwell").audience("inkwell").subject(subjectOf(alice))
                .issuedAt(issued).expiresAt(issued.plus(Duration.ofHours(1))).sign();

        assertInvalid(withToken(expired).get("/api/profiles/{username}", alice.username()));
    }

    @Test
    void shouldServeOptionalAuthEndpointsWithoutToken() {
        Registered alice = register("auth");

        anonymous().get("/api/articles").then().statusCode(200);
        anonymous().get("/api/profiles/{username}", alice.username()).then().statusCode(200);
    }

    private static RequestSpecification withToken(String token) {
        return anonymous().header("Authorization", "Token " + token);
    }

    private static void assertInvalid(io.restassured.response.Response response) {
        response.then().statusCode(401)
                .contentType("application/json")
                .body(equalTo("{\"errors\":{\"token\":[\"is invalid or expired\"]}}"));
    }

    private static String subjectOf(Registered user) {
        return (String) part(user.token(), 1).get("sub");
    }

    private static Map<String, Object> part(String token, int index) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(token.split("\\.")[index]);
            return JSON.readValue(json, new TypeReference<>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
