package io.inkwell.common.redis;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.comment;
import static io.inkwell.support.Api.favorite;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Everything Inkwell writes to Redis is named inkwell:... and expires; no e-mail address or token is a key. */
@QuarkusTest
class RedisKeysTest {

    @Inject
    RedisDataSource redis;

    @Test
    void shouldPrefixEveryKeyAndGiveItATtl() {
        Registered author = register("keys");
        Registered reader = register("keys");
        String slug = publish(author, "Keyed " + unique("t"), unique("tag"));
        favorite(reader, slug);
        comment(reader, slug, "Keyed comment");
        anonymous().get("/api/tags").then().statusCode(200);
        anonymous().get("/api/articles").then().statusCode(200);
        as(reader).get("/api/articles/{slug}", slug).then().statusCode(200);
        anonymous().get("/api/articles/{slug}/comments", slug).then().statusCode(200);
        anonymous().get("/api/profiles/{username}", author.username()).then().statusCode(200);
        anonymous().body(Map.of("user", Map.of("email", author.email(), "password", "wrong password")))
                .post("/api/users/login").then().statusCode(401);
        as(reader).post("/api/users/logout").then().statusCode(204);

        Iterable<String> keys = redis.key().keys("*");

        assertThat(keys).isNotEmpty().allSatisfy(key -> {
            assertThat(key).startsWith(RedisKeys.PREFIX).doesNotContain("@").doesNotContain(author.token());
            assertThat(redis.key().ttl(key)).as("TTL of %s", key).isPositive();
        });
    }
}
