package io.inkwell.session;

import static io.inkwell.session.SessionResourceTest.claims;
import static io.inkwell.session.SessionResourceTest.login;
import static io.inkwell.session.SessionResourceTest.with;
import static io.inkwell.support.Api.PASSWORD;
import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.inkwell.session.SessionResourceTest.Signed;
import io.inkwell.support.Api.Registered;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/** The check on every authenticated request: Redis first, PostgreSQL the truth, 401 wherever a token is refused. */
@QuarkusTest
class SessionCheckTest {

    @Inject
    RedisDataSource redis;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void shouldKeepAcceptingTokensIssuedBeforeSessionsUntilTheyExpire() {
        Registered user = register("legacy");
        String sub = (String) claims(user.token()).get("sub");
        String legacy = Jwt.issuer("inkwell").audience("inkwell").subject(sub).upn(user.username()).expiresIn(Duration.ofMinutes(5)).sign();

        with(legacy).get("/api/user").then().statusCode(200).body("user.username", equalTo(user.username()));
        with(legacy).post("/api/users/logout").then().statusCode(204);
        with(legacy).get("/api/user").then().statusCode(200);
    }

    @Test
    void shouldRefuseAValidlySignedTokenOfAUserWhoDoesNotExistEverywhere() {
        Registered author = register("author");
        String slug = publish(author, "Some article " + unique("t"));
        String orphan = Jwt.issuer("inkwell").audience("inkwell").subject("987654321987").expiresIn(Duration.ofMinutes(5)).sign();
        String orphanSession = Jwt.issuer("inkwell").audience("inkwell").subject("987654321987")
                .claim("sid", "00000000-0000-4000-8000-000000000000").expiresIn(Duration.ofMinutes(5)).sign();

        for (String token : List.of(orphan, orphanSession)) {
            with(token).get("/api/articles/feed").then().statusCode(401);
            with(token).delete("/api/articles/{slug}/favorite", slug).then().statusCode(401);
            with(token).delete("/api/profiles/{username}/follow", author.username()).then().statusCode(401);
            with(token).get("/api/articles").then().statusCode(401);
            with(token).get("/api/articles/{slug}", slug).then().statusCode(401);
            with(token).get("/api/profiles/{username}", author.username()).then().statusCode(401);
            with(token).get("/api/articles/{slug}/comments", slug).then().statusCode(401)
                    .body("errors.token[0]", equalTo("is invalid or expired"));
        }
    }

    @Test
    void shouldRefuseATokenWhoseSessionBelongsToAnotherUser() {
        Signed alice = login(register("alice"), "a");
        Registered bob = register("bob");
        String forged = Jwt.issuer("inkwell").audience("inkwell").subject((String) claims(bob.token()).get("sub"))
                .claim("sid", claims(alice.token()).get("sid")).expiresIn(Duration.ofMinutes(5)).sign();

        with(forged).get("/api/user").then().statusCode(401);
    }

    @Test
    void shouldNeitherReviveNorEndSessionsWhenRedisLosesEverything() {
        Registered user = register("durable");
        Signed ended = login(user, "ended");
        Signed live = login(user, "live");
        with(ended.token()).post("/api/users/logout").then().statusCode(204);
        with(ended.token()).get("/api/user").then().statusCode(401);
        with(live.token()).get("/api/user").then().statusCode(200);

        redis.flushall();

        with(ended.token()).get("/api/user").then().statusCode(401);
        with(live.token()).get("/api/user").then().statusCode(200);
    }

    @Test
    void shouldCheckSessionsWithoutPostgreSqlWhileRedisHasThem() {
        Registered author = register("quiet");
        Signed reader = login(register("reader"), "r");
        String slug = publish(author, "Cached for the check " + unique("t"));
        with(reader.token()).get("/api/articles/{slug}", slug).then().statusCode(200);

        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        with(reader.token()).get("/api/articles/{slug}", slug).then().statusCode(200);

        assertThat(statistics.getPrepareStatementCount()).as("favorited and following only").isEqualTo(2);
    }

    @Test
    void shouldEndTheLeastRecentlyUsedSessionsBeyondFiftyPerUser() {
        Registered user = register("collector");
        List<Signed> sessions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sessions.add(login(user, "device " + i));
        }

        with(sessions.get(49).token()).get("/api/user/sessions").then().statusCode(200).body("sessions.size()", equalTo(50));
        with(user.token()).get("/api/user").then().statusCode(401); // the registration's, used least recently
        with(sessions.get(0).token()).get("/api/user").then().statusCode(200);

        anonymous().body(Map.of("user", Map.of("email", user.email(), "password", PASSWORD)))
                .post("/api/users/login").then().statusCode(200);

        with(sessions.get(0).token()).get("/api/user").then().statusCode(401);
        with(sessions.get(1).token()).get("/api/user").then().statusCode(200);
    }
}
