package io.inkwell.event;

import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.comment;
import static io.inkwell.support.Api.favorite;
import static io.inkwell.support.Api.follow;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.inkwell.common.persistence.Jdbc;
import io.inkwell.support.Api;
import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** Each write of the Conduit API records its event in the outbox, once, with ids as payload. */
@QuarkusTest
class DomainEventsTest {

    @Inject
    Jdbc jdbc;

    @Test
    void shouldRecordRegistrationEmailChangeAndPasswordChange() {
        Registered user = register("evuser");
        long userId = idOf(user);
        assertThat(events("user.registered", "userId", userId)).hasSize(1);

        as(user).body(Map.of("user", Map.of("email", user.email().toUpperCase()))).put("/api/user").then().statusCode(200);
        assertThat(events("user.email-changed", "userId", userId)).as("same address, other case").isEmpty();

        String newEmail = Api.unique("moved") + "@example.com";
        as(user).body(Map.of("user", Map.of("email", newEmail, "password", "a whole new password"))).put("/api/user")
                .then().statusCode(200);
        assertThat(events("user.email-changed", "userId", userId)).singleElement()
                .satisfies(payload -> assertThat(payload.getString("previousEmail")).isEqualToIgnoringCase(user.email()));
        assertThat(events("user.password-changed", "userId", userId)).hasSize(1);
    }

    @Test
    void shouldRecordAFollowOnceHoweverOftenItIsRepeated() {
        Registered follower = register("evfollower");
        Registered followed = register("evfollowed");

        follow(follower, followed);
        follow(follower, followed);

        assertThat(events("profile.followed", "followedId", idOf(followed))).singleElement()
                .satisfies(payload -> assertThat(payload.getLong("followerId")).isEqualTo(idOf(follower)));
    }

    @Test
    void shouldRecordPublishingFavoritingAndCommenting() {
        Registered author = register("evauthor");
        Registered reader = register("evreader");
        String slug = publish(author, Api.unique("Eventful"));
        long articleId = jdbc.query("SELECT id FROM articles WHERE slug = ?", List.of(slug), rows -> {
            rows.next();
            return rows.getLong(1);
        });

        favorite(reader, slug);
        favorite(reader, slug);
        long commentId = comment(reader, slug, "First!");
        as(reader).delete("/api/articles/{slug}/comments/{id}", slug, commentId).then().statusCode(204);

        assertThat(events("article.published", "articleId", articleId)).singleElement()
                .satisfies(payload -> assertThat(payload.getLong("authorId")).isEqualTo(idOf(author)));
        assertThat(events("article.favorited", "articleId", articleId)).singleElement()
                .satisfies(payload -> assertThat(payload.getLong("userId")).isEqualTo(idOf(reader)));
        assertThat(events("comment.posted", "commentId", commentId)).singleElement()
                .satisfies(payload -> assertThat(payload.getLong("articleId")).isEqualTo(articleId));
        assertThat(events("comment.deleted", "commentId", commentId)).singleElement()
                .satisfies(payload -> assertThat(payload.getString("slug")).isEqualTo(slug));
    }

    private List<JsonObject> events(String type, String field, long value) {
        return jdbc.query("SELECT payload::text FROM outbox_events WHERE type = ? AND (payload->>?)::bigint = ? ORDER BY id",
                List.of(type, field, value), rows -> {
                    List<JsonObject> payloads = new ArrayList<>();
                    while (rows.next()) {
                        payloads.add(new JsonObject(rows.getString(1)));
                    }
                    return payloads;
                });
    }

    private long idOf(Registered user) {
        return jdbc.query("SELECT id FROM users WHERE username = ?", List.of(user.username()), rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }
}
