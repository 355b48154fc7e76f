package io.inkwell.security;

import static io.inkwell.support.Api.PASSWORD;
import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;

/**
 * API3 (broken object property level authorization): clients cannot set properties the server owns
 * (slug, author, counts, ids, password hashes), and answers show others no more than their public
 * profile. Unknown fields are ignored rather than refused: Conduit front ends send the whole user
 * object back on PUT /api/user, token included (compatibility wins; see README, Security).
 */
@QuarkusTest
class Api3ObjectPropertyLevelAuthorizationTest {

    @Test
    void shouldIgnoreServerOwnedArticleFields() {
        Registered alice = register("author");
        Registered victim = register("victim");

        as(alice).body(Map.of("article", Map.of("title", "Mass assignment", "description", "d", "body", "b",
                        "slug", "chosen-slug", "favoritesCount", 1000, "favorited", true,
                        "author", Map.of("username", victim.username()), "createdAt", "2000-01-01T00:00:00.000Z")))
                .post("/api/articles")
                .then().statusCode(201)
                .body("article.slug", startsWith("mass-assignment"))
                .body("article.favoritesCount", equalTo(0))
                .body("article.favorited", equalTo(false))
                .body("article.author.username", equalTo(alice.username()))
                .body("article.createdAt", not(startsWith("2000")));
    }

    @Test
    void shouldAcceptTheWholeUserObjectBackAndChangeOnlyWhatAUserMay() {
        Registered alice = register("conduit");
        Map<String, Object> whole = Map.of("user", Map.of(
                "email", alice.email(), "username", alice.username(), "bio", "new bio", "image", "",
                "token", "not-a-token", "id", 1, "passwordHash", "$2b$04$" + "forged".repeat(9),
                "following", true, "createdAt", "2000-01-01T00:00:00.000Z"));

        as(alice).body(whole).put("/api/user")
                .then().statusCode(200)
                .body("user.bio", equalTo("new bio"))
                .body("user.token", equalTo(alice.token()));

        anonymous().body(Map.of("user", Map.of("email", alice.email(), "password", PASSWORD)))
                .post("/api/users/login").then().statusCode(200);
    }

    @Test
    void shouldShowOthersOnlyThePublicProfile() {
        Registered alice = register("private");
        String slug = publish(alice, "Public profile only");

        Map<String, Object> profile = anonymous().get("/api/profiles/{username}", alice.username())
                .then().statusCode(200).extract().path("profile");
        Map<String, Object> author = anonymous().get("/api/articles/{slug}", slug)
                .then().statusCode(200).extract().path("article.author");

        for (Map<String, Object> shown : List.of(profile, author)) {
            assertThat(shown).containsOnlyKeys("username", "bio", "image", "following");
        }
    }

    @Test
    void shouldNeverShowAPasswordHashOrInternalId() {
        Registered alice = register("private");

        String own = as(alice).get("/api/user").then().statusCode(200).extract().asString();

        assertThat(own).doesNotContain("$2", "password", "\"id\"");
        Map<String, Object> user = as(alice).get("/api/user").then().extract().path("user");
        assertThat(user).containsKeys("email", "token", "username", "bio", "image")
                .doesNotContainKeys("id", "password", "passwordHash", "password_hash", "usernameSkeleton");
    }
}
