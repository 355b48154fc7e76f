package io.inkwell.common.security;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;

/** inkwell.jwt.issuer and inkwell.jwt.lifespan shape the tokens issued, and the issuer those accepted. */
@QuarkusTest
@TestProfile(TokenConfigurationTest.StagingTokens.class)
class TokenConfigurationTest {

    public static class StagingTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("inkwell.jwt.issuer", "inkwell-staging", "inkwell.jwt.lifespan", "PT15M");
        }
    }

    @Test
    void shouldIssueTokensWithConfiguredIssuerAndLifespan() throws IOException {
        Registered alice = register("staging");

        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(alice.token().split("\\.")[1]));

        assertThat(claims.get("iss").asText()).isEqualTo("inkwell-staging");
        assertThat(Duration.ofSeconds(claims.get("exp").asLong() - claims.get("iat").asLong()))
                .isEqualTo(Duration.ofMinutes(15));
        as(alice).get("/api/user").then().statusCode(200).body("user.username", equalTo(alice.username()));
    }

    @Test
    void shouldRejectTokensOfTheDefaultIssuerWhenAnotherIsConfigured() throws IOException {
        Registered alice = register("staging");
        String subject = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(alice.token().split("\\.")[1]))
                .get("sub").asText();

        String token = Jwt.issuer("inkwell").audience("inkwell")
                .subject(subject).expiresIn(Duration.ofMinutes(5)).sign();

        anonymous().header("Authorization", "Token " + token)
                .get("/api/user")
                .then().statusCode(401)
                .body("errors.token", contains("is invalid or expired"));
    }
}
