package io.inkwell.profile;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.follow;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProfileResourceTest {

    @Test
    void shouldShowProfileToAnonymousVisitorAsNotFollowed() {
        Registered alice = register("profile");
        as(alice).body(Map.of("user", Map.of("bio", "Writes about tea", "image", "https://img.example/alice.png")))
                .put("/api/user").then().statusCode(200);

        anonymous().get("/api/profiles/{username}", alice.username())
                .then().statusCode(200)
                .body("profile.username", equalTo(alice.username()))
                .body("profile.bio", equalTo("Writes about tea"))
                .body("profile.image", equalTo("https://img.example/alice.png"))
                .body("profile.following", equalTo(false));
    }

    @Test
    void shouldShowNullBioAndImageOfFreshProfile() {
        Registered alice = register("profile");

        anonymous().get("/api/profiles/{username}", alice.username())
                .then().statusCode(200)
                .body("profile", hasKey("bio"))
                .body("profile.bio", nullValue())
                .body("profile", hasKey("image"))
                .body("profile.image", nullValue());
    }

    @Test
    void shouldFindProfileWhateverTheCaseOfTheUsername() {
        Registered alice = register("profile");

        anonymous().get("/api/profiles/{username}", alice.username().toUpperCase())
                .then().statusCode(200)
                .body("profile.username", equalTo(alice.username()));
    }

    @Test
    void shouldFollowAndShowFollowingToFollowerOnly() {
        Registered alice = register("follower");
        Registered bob = register("followed");
        Registered carol = register("bystander");

        as(alice).post("/api/profiles/{username}/follow", bob.username())
                .then().statusCode(200)
                .body("profile.username", equalTo(bob.username()))
                .body("profile.following", equalTo(true));

        as(alice).get("/api/profiles/{username}", bob.username())
                .then().statusCode(200).body("profile.following", equalTo(true));
        as(carol).get("/api/profiles/{username}", bob.username())
                .then().statusCode(200).body("profile.following", equalTo(false));
        anonymous().get("/api/profiles/{username}", bob.username())
                .then().statusCode(200).body("profile.following", equalTo(false));
        as(bob).get("/api/profiles/{username}", alice.username())
                .then().statusCode(200).body("profile.following", equalTo(false));
    }

    @Test
    void shouldUnfollow() {
        Registered alice = register("follower");
        Registered bob = register("followed");
        follow(alice, bob);

        as(alice).delete("/api/profiles/{username}/follow", bob.username())
                .then().statusCode(200)
                .body("profile.username", equalTo(bob.username()))
                .body("profile.following", equalTo(false));

        as(alice).get("/api/profiles/{username}", bob.username())
                .then().statusCode(200).body("profile.following", equalTo(false));
    }

    @Test
    void shouldNotFailWhenFollowingTwice() {
        Registered alice = register("follower");
        Registered bob = register("followed");
        follow(alice, bob);

        as(alice).post("/api/profiles/{username}/follow", bob.username())
                .then().statusCode(200).body("profile.following", equalTo(true));

        as(alice).get("/api/profiles/{username}", bob.username())
                .then().statusCode(200).body("profile.following", equalTo(true));
    }

    @Test
    void shouldNotFailWhenUnfollowingTwiceOrWithoutFollowing() {
        Registered alice = register("follower");
        Registered bob = register("followed");
        follow(alice, bob);

        as(alice).delete("/api/profiles/{username}/follow", bob.username())
                .then().statusCode(200).body("profile.following", equalTo(false));
        as(alice).delete("/api/profiles/{username}/follow", bob.username())
                .then().statusCode(200).body("profile.following", equalTo(false));
    }

    @Test
    void shouldReturn404ForUnknownProfile() {
        anonymous().get("/api/profiles/{username}", unique("ghost"))
                .then().statusCode(404)
                .body(equalTo("{\"errors\":{\"profile\":[\"not found\"]}}"));
    }

    @Test
    void shouldReturn404WhenFollowingUnknownProfile() {
        Registered alice = register("follower");

        as(alice).post("/api/profiles/{username}/follow", unique("ghost"))
                .then().statusCode(404)
                .body("errors.profile", contains("not found"));
        as(alice).delete("/api/profiles/{username}/follow", unique("ghost"))
                .then().statusCode(404)
                .body("errors.profile", contains("not found"));
    }

    @Test
    void shouldReturn422WhenFollowingYourself() {
        Registered alice = register("narcissus");

        as(alice).post("/api/profiles/{username}/follow", alice.username())
                .then().statusCode(422)
                .body("errors.username", contains("you cannot follow yourself"));

        as(alice).get("/api/profiles/{username}", alice.username())
                .then().statusCode(200).body("profile.following", equalTo(false));
    }

    @Test
    void shouldReturn401WhenFollowingWithoutToken() {
        Registered bob = register("followed");

        anonymous().post("/api/profiles/{username}/follow", bob.username())
                .then().statusCode(401)
                .body("errors.token", contains("is missing"));
        anonymous().delete("/api/profiles/{username}/follow", bob.username())
                .then().statusCode(401)
                .body("errors.token", contains("is missing"));
    }
}
