package io.inkwell.security;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * API2 (broken authentication): only tokens this service signed, for this service, within their
 * lifetime, are accepted. Forgeries (no signature, the public key used as an HMAC secret, another
 * key, another issuer), tokens for another audience or none, and tokens dated in the future get 401.
 */
@QuarkusTest
class Api2ForgedTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldIssueTokensNamingThisServiceAsAudience() throws Exception {
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(register("aud").token().split("\\.")[1]));

        assertThat(claims.get("aud").isArray() ? claims.get("aud").get(0).asText() : claims.get("aud").asText())
                .isEqualTo("inkwell");
    }

    @Test
    void shouldAcceptAGenuineToken() {
        Registered alice = register("genuine");

        call(genuine(alice).sign()).then().statusCode(200).body("user.username", equalTo(alice.username()));
    }

    @Test
    void shouldRefuseAnUnsignedToken() {
        Registered alice = register("forged");
        long now = Instant.now().getEpochSecond();
        String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url("{\"iss\":\"inkwell\","
                + "\"aud\":\"inkwell\",\"sub\":\"" + subjectOf(alice) + "\",\"iat\":" + now
                + ",\"exp\":" + (now + 600) + "}")
                + ".";

        assertRefused(call(unsigned));
    }

    @Test
    void shouldRefuseTheRsaPublicKeyUsedAsAnHmacSecret() {
        Registered alice = register("forged");
        String publicKey = ConfigProvider.getConfig().getValue("mp.jwt.verify.publickey", String.class);

        assertRefused(call(genuine(alice).signWithSecret(publicKey)));
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherKey() throws Exception {
        Registered alice = register("forged");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);

        assertRefused(call(genuine(alice).sign(generator.generateKeyPair().getPrivate())));
    }

    @Test
    void shouldRefuseAnotherIssuerAnotherAudienceAndNoAudience() {
        Registered alice = register("foreign");

        assertRefused(call(genuine(alice).issuer("someone-else").sign()));
        assertRefused(call(genuine(alice).audience("another-service").sign()));
        assertRefused(call(Jwt.issuer("inkwell").subject(subjectOf(alice)).expiresIn(Duration.ofMinutes(5)).sign()));
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        Registered alice = register("expired");
        Instant issued = Instant.now().minus(Duration.ofHours(2));

        assertRefused(call(genuine(alice).issuedAt(issued).expiresAt(issued.plus(Duration.ofHours(1))).sign()));
    }

    @Test
    void shouldRefuseTokensDatedInTheFutureBeyondTheClockSkew() {
        Registered alice = register("future");
        Instant inAnHour = Instant.now().plus(Duration.ofHours(1));

        assertRefused(call(genuine(alice).issuedAt(inAnHour).expiresAt(inAnHour.plus(Duration.ofHours(1))).sign()));
        assertRefused(call(genuine(alice).claim("nbf", inAnHour.getEpochSecond()).sign()));
        Instant aLittleAhead = Instant.now().plusSeconds(5); // within the 30 s a neighbour's clock may be ahead
        call(genuine(alice).issuedAt(aLittleAhead).expiresAt(aLittleAhead.plus(Duration.ofMinutes(5))).sign())
                .then().statusCode(200);
    }

    @Test
    void shouldRefuseFutureTokensOnEndpointsWhereSigningInIsOptional() {
        Registered alice = register("future");
        Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
        String early = genuine(alice).issuedAt(inAnHour).expiresAt(inAnHour.plus(Duration.ofHours(1))).sign();

        assertRefused(anonymous().header("Authorization", "Token " + early).get("/api/articles"));
    }

    private static JwtClaimsBuilder genuine(Registered user) {
        return Jwt.issuer("inkwell").audience("inkwell").subject(subjectOf(user)).upn(user.username())
                .expiresIn(Duration.ofMinutes(5));
    }

    private static Response call(String token) {
        return anonymous().header("Authorization", "Token " + token).get("/api/user");
    }

    private static void assertRefused(Response response) {
        response.then().statusCode(401).body("errors.token[0]", equalTo("is invalid or expired"));
    }

    private static String subjectOf(Registered user) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(user.token().split("\\.")[1])).get("sub").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
