package io.inkwell.idempotency;

import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Writes sent with an Idempotency-Key happen once, whatever the client repeats. */
@QuarkusTest
class IdempotencyKeyTest {

    @Inject
    AgroalDataSource dataSource;

    private static Response create(Registered author, String key, String title) {
        return as(author).header("Idempotency-Key", key)
                .body(Map.of("article", Map.of("title", title, "description", "d", "body", "b")))
                .post("/api/articles");
    }

    private static int articlesBy(Registered author) {
        return as(author).get("/api/articles?author={author}", author.username()).then().statusCode(200)
                .extract().path("articlesCount");
    }

    @Test
    void shouldAnswerARetriedPostWithTheFirstOutcomeAndCreateOneArticle() {
        Registered author = register("retrier");
        String title = unique("Once");
        String key = "\"" + java.util.UUID.randomUUID() + "\"";

        Response first = create(author, key, title);
        Response retry = create(author, key, title);

        first.then().statusCode(201);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(retry.jsonPath().getString("article.slug")).isEqualTo(first.jsonPath().getString("article.slug"));
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(articlesBy(author)).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheSameKeyForAnotherBodyWith422() {
        Registered author = register("reuser");
        create(author, "reused-key", unique("First")).then().statusCode(201);

        create(author, "reused-key", unique("Second")).then().statusCode(422)
                .body("errors", hasKey("Idempotency-Key"));
        assertThat(articlesBy(author)).isEqualTo(1);
    }

    @Test
    void shouldScopeKeysPerUser() {
        Registered one = register("scopeone");
        Registered two = register("scopetwo");
        String title = unique("Same");

        String slugOne = create(one, "shared-key", title).then().statusCode(201).extract().path("article.slug");
        Response other = create(two, "shared-key", title);

        other.then().statusCode(201).body("article.author.username", equalTo(two.username()));
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(other.jsonPath().getString("article.slug")).isNotEqualTo(slugOne);
    }

    @Test
    void shouldAnswer409WhileTheSameKeyIsInFlight() throws Exception {
        Registered author = register("inflight");
        String key = "in-flight-" + unique("k");
        try (Connection held = dataSource.getConnection();
                PreparedStatement lock = held.prepareStatement("select pg_advisory_lock(?)");
                PreparedStatement unlock = held.prepareStatement("select pg_advisory_unlock(?)")) {
            long lockId = IdempotencyKeys.lockId("user:" + subjectOf(author), key);
            lock.setLong(1, lockId);
            lock.execute(); // as a first request with this key would, until its transaction ends

            create(author, key, unique("Racing")).then().statusCode(409).body("errors", hasKey("Idempotency-Key"));

            unlock.setLong(1, lockId);
            unlock.execute();
        }
        create(author, key, unique("Racing")).then().statusCode(201);
    }

    @Test
    void shouldRefuseAnUnusableKeyWith400() {
        Registered author = register("badkey");
        create(author, "x".repeat(256), unique("Long")).then().statusCode(400).body("errors", hasKey("Idempotency-Key"));
        assertThat(articlesBy(author)).isZero();
    }

    private static String subjectOf(Registered user) {
        String payload = user.token().split("\\.")[1];
        String claims = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        return claims.replaceAll(".*\"sub\":\"?([0-9]+)\"?.*", "$1");
    }

    @Test
    void shouldDocumentTheHeaderOnWritesInOpenApi() {
        io.restassured.RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/articles'.post.parameters.name", org.hamcrest.Matchers.hasItem("Idempotency-Key"))
                .body("paths.'/api/articles'.get.parameters.name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("Idempotency-Key")));
    }
}
