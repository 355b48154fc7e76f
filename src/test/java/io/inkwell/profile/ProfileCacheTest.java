package io.inkwell.profile;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.comment;
import static io.inkwell.support.Api.follow;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;

/** Profiles and comment lists come from the shared cache; profile changes and comments show at once. */
@QuarkusTest
class ProfileCacheTest {

    @Test
    void shouldShowProfileChangesAtOnceUnderOldAndNewName() {
        Registered user = register("profiled");
        anonymous().get("/api/profiles/{username}", user.username()).then().body("profile.bio", nullValue());
        String newName = unique("renamed");

        as(user).body(Map.of("user", Map.of("bio", "Hello"))).put("/api/user").then().statusCode(200);
        anonymous().get("/api/profiles/{username}", user.username()).then().body("profile.bio", equalTo("Hello"));

        as(user).body(Map.of("user", Map.of("username", newName))).put("/api/user").then().statusCode(200);
        anonymous().get("/api/profiles/{username}", user.username()).then().statusCode(404);
        anonymous().get("/api/profiles/{username}", newName.toUpperCase())
                .then().statusCode(200).body("profile.username", equalTo(newName)).body("profile.bio", equalTo("Hello"));
    }

    @Test
    void shouldKeepFollowingPerViewerOnACachedProfile() {
        Registered star = register("star");
        Registered fan = register("fan");
        Registered stranger = register("stranger");
        anonymous().get("/api/profiles/{username}", star.username()).then().body("profile.following", equalTo(false));

        follow(fan, star);

        as(fan).get("/api/profiles/{username}", star.username()).then().body("profile.following", equalTo(true));
        as(stranger).get("/api/profiles/{username}", star.username()).then().body("profile.following", equalTo(false));
        anonymous().get("/api/profiles/{username}", star.username()).then().body("profile.following", equalTo(false));
    }

    @Test
    void shouldShowNewAndDeletedCommentsAndCommentersNewNamesAtOnce() {
        Registered author = register("author");
        Registered commenter = register("commenter");
        String slug = publish(author, "Discussed " + unique("t"));
        anonymous().get("/api/articles/{slug}/comments", slug).then().body("comments.size()", equalTo(0));

        long first = comment(commenter, slug, "First!");
        anonymous().get("/api/articles/{slug}/comments", slug).then().body("comments.id", contains((int) first));

        String newName = unique("commenter");
        as(commenter).body(Map.of("user", Map.of("username", newName))).put("/api/user").then().statusCode(200);
        anonymous().get("/api/articles/{slug}/comments", slug).then().body("comments[0].author.username", equalTo(newName));

        follow(author, new Registered(newName, commenter.email(), commenter.token()));
        as(author).get("/api/articles/{slug}/comments", slug).then().body("comments[0].author.following", equalTo(true));
        anonymous().get("/api/articles/{slug}/comments", slug).then().body("comments[0].author.following", equalTo(false));

        as(commenter).delete("/api/articles/{slug}/comments/{id}", slug, first).then().statusCode(204);
        anonymous().get("/api/articles/{slug}/comments", slug).then().body("comments.size()", equalTo(0));
    }

    @Test
    void shouldNotServeCommentsOfADeletedArticleToANewArticleWithItsSlug() {
        Registered author = register("recycler");
        String title = "Recycled " + unique("t");
        String slug = publish(author, title);
        comment(author, slug, "On the first one");
        anonymous().get("/api/articles/{slug}/comments", slug).then().body("comments.size()", equalTo(1));

        as(author).delete("/api/articles/{slug}", slug).then().statusCode(204);
        String again = publish(author, title);

        anonymous().get("/api/articles/{slug}/comments", again).then().statusCode(200).body("comments.size()", equalTo(0));
    }
}
