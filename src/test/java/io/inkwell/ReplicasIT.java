package io.inkwell;

import static io.inkwell.support.Replicas.register;
import static io.inkwell.support.Replicas.to;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.inkwell.support.Api;
import io.inkwell.support.Api.Registered;
import io.inkwell.support.PackagedApp;
import io.inkwell.support.RedisProcess;
import io.inkwell.support.Replicas;
import io.restassured.response.Response;

/**
 * Two replicas of the packaged jar behind one PostgreSQL and one Redis: what a client does through
 * one replica holds at once on the other.
 */
class ReplicasIT {

    private static RedisProcess redis;
    private static Replicas replicas;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisProcess.start();
        replicas = Replicas.start("replicas-it", redis.url());
    }

    @AfterAll
    static void stop() throws Exception {
        if (replicas != null) {
            replicas.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void shouldRefuseTheSixthLoginAcrossBothReplicasWhateverForwardedForClaims() {
        Registered victim = register(replicas.a, "victim");
        for (int failure = 0; failure < 5; failure++) {
            loginThrough(failure % 2 == 0 ? replicas.a : replicas.b, victim.email(), "wrong password", failure)
                    .then().statusCode(401);
        }

        for (PackagedApp app : new PackagedApp[] { replicas.a, replicas.b }) {
            Response refused = loginThrough(app, victim.email(), Api.PASSWORD, 99);
            refused.then().statusCode(429).body("errors.body[0]", startsWith("too many failed logins"));
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 900L);
        }
    }

    @Test
    void shouldEndASessionOnBothReplicasAtOnceWhenLoggedOutThroughOne() {
        Registered user = register(replicas.a, "leaver");
        String token = to(replicas.b).body(Map.of("user", Map.of("email", user.email(), "password", Api.PASSWORD)))
                .post("/api/users/login").then().statusCode(200).extract().path("user.token");
        to(replicas.a, token).get("/api/user").then().statusCode(200); // the session's state now cached in Redis
        to(replicas.b, token).get("/api/user").then().statusCode(200);

        to(replicas.a, token).post("/api/users/logout").then().statusCode(204);

        to(replicas.b, token).get("/api/user").then().statusCode(401);
        to(replicas.a, token).get("/api/user").then().statusCode(401);
    }

    @Test
    void shouldEndTheSessionWhenARefreshTokenIsReusedThroughTheOtherReplica() {
        Registered user = register(replicas.a, "robbed");
        String refreshToken = to(replicas.a).body(Map.of("user", Map.of("email", user.email(), "password", Api.PASSWORD)))
                .post("/api/users/login").then().statusCode(200).extract().path("user.refreshToken");
        Response rotated = to(replicas.a).body(Map.of("refreshToken", refreshToken)).post("/api/users/refresh");
        rotated.then().statusCode(200);
        String token = rotated.path("user.token");
        to(replicas.b, token).get("/api/user").then().statusCode(200);

        to(replicas.b).body(Map.of("refreshToken", refreshToken)).post("/api/users/refresh").then().statusCode(401);

        to(replicas.a, token).get("/api/user").then().statusCode(401);
        to(replicas.b, token).get("/api/user").then().statusCode(401);
        to(replicas.a).body(Map.of("refreshToken", rotated.<String>path("user.refreshToken"))).post("/api/users/refresh")
                .then().statusCode(401);
    }

    private static Response loginThrough(PackagedApp app, String email, String password, int round) {
        return to(app).header("X-Forwarded-For", "203.0.113." + round)
                .body(Map.of("user", Map.of("email", email, "password", password))).post("/api/users/login");
    }

    @Test
    void shouldShowAWriteThroughOneReplicaOnTheOtherAtOnce() {
        Registered author = register(replicas.a, "author");
        Registered fan = register(replicas.b, "fan");
        String tag = Api.unique("shared");
        String slug = to(replicas.a, author.token())
                .body(Map.of("article", Map.of("title", "Across " + Api.unique("t"), "description", "d", "body", "b",
                        "tagList", List.of(tag))))
                .post("/api/articles").then().statusCode(201).extract().path("article.slug");
        for (int i = 0; i < 2; i++) { // cached on both replicas
            to(replicas.a).get("/api/articles/{slug}", slug).then().body("article.favoritesCount", equalTo(0));
            to(replicas.b).get("/api/articles/{slug}", slug).then().body("article.favoritesCount", equalTo(0));
            to(replicas.b).queryParam("tag", tag).get("/api/articles").then().body("articlesCount", equalTo(1));
            to(replicas.b).get("/api/tags").then().body("tags", hasItem(tag));
            to(replicas.b).get("/api/profiles/{username}", author.username()).then().statusCode(200);
        }

        to(replicas.a, fan.token()).post("/api/articles/{slug}/favorite", slug).then().statusCode(200);
        to(replicas.b).get("/api/articles/{slug}", slug).then().body("article.favoritesCount", equalTo(1));
        to(replicas.b).queryParam("favorited", fan.username()).get("/api/articles").then().body("articles.slug", contains(slug));

        to(replicas.b, author.token()).body(Map.of("user", Map.of("bio", "Seen everywhere"))).put("/api/user")
                .then().statusCode(200);
        to(replicas.a).get("/api/articles/{slug}", slug).then().body("article.author.bio", equalTo("Seen everywhere"));
        to(replicas.a).get("/api/profiles/{username}", author.username()).then().body("profile.bio", equalTo("Seen everywhere"));

        to(replicas.a, fan.token()).body(Map.of("comment", Map.of("body", "Nice"))).post("/api/articles/{slug}/comments", slug)
                .then().statusCode(200);
        to(replicas.b).get("/api/articles/{slug}/comments", slug).then().body("comments.body", contains("Nice"));

        to(replicas.a, author.token()).delete("/api/articles/{slug}", slug).then().statusCode(204);
        to(replicas.b).get("/api/articles/{slug}", slug).then().statusCode(404);
        to(replicas.b).queryParam("tag", tag).get("/api/articles").then().body("articlesCount", equalTo(0));
        to(replicas.b).get("/api/tags").then().body("tags", not(hasItem(tag)));
    }
}
