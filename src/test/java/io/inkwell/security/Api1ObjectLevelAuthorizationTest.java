package io.inkwell.security;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.comment;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;

/**
 * API1 (broken object level authorization): a signed-in user can change and delete only what they
 * wrote. Someone else's article or comment answers 403 and stays as it was.
 */
@QuarkusTest
class Api1ObjectLevelAuthorizationTest {

    @Test
    void shouldKeepOthersFromEditingAnArticle() {
        Registered alice = register("owner");
        Registered mallory = register("intruder");
        String slug = publish(alice, "Mine to edit");

        as(mallory).body(Map.of("article", Map.of("title", "Taken over", "body", "defaced")))
                .put("/api/articles/{slug}", slug)
                .then().statusCode(403)
                .body("errors.article", contains("only the author may change or delete this article"));

        anonymous().get("/api/articles/{slug}", slug)
                .then().statusCode(200)
                .body("article.title", equalTo("Mine to edit"))
                .body("article.author.username", equalTo(alice.username()));
    }

    @Test
    void shouldKeepOthersFromDeletingAnArticle() {
        Registered alice = register("owner");
        Registered mallory = register("intruder");
        String slug = publish(alice, "Mine to delete");

        as(mallory).delete("/api/articles/{slug}", slug).then().statusCode(403);

        anonymous().get("/api/articles/{slug}", slug).then().statusCode(200);
    }

    @Test
    void shouldKeepOthersFromDeletingAComment() {
        Registered alice = register("owner");
        Registered mallory = register("intruder");
        String slug = publish(alice, "Comments kept");
        long id = comment(alice, slug, "my comment");

        as(mallory).delete("/api/articles/{slug}/comments/{id}", slug, id)
                .then().statusCode(403).body("errors.comment", contains("only the author may delete this comment"));

        anonymous().get("/api/articles/{slug}/comments", slug)
                .then().statusCode(200).body("comments.id", hasItem((int) id));
    }

    @Test
    void shouldKeepTheArticleAuthorFromDeletingAReadersComment() {
        Registered author = register("owner");
        Registered reader = register("reader");
        String slug = publish(author, "Readers speak");
        long id = comment(reader, slug, "reader's words");

        as(author).delete("/api/articles/{slug}/comments/{id}", slug, id).then().statusCode(403);
    }

    @Test
    void shouldChangeOnlyTheCallersOwnAccount() {
        Registered alice = register("owner");
        Registered mallory = register("intruder");

        as(mallory).body(Map.of("user", Map.of("bio", "mallory was here", "username", mallory.username())))
                .put("/api/user").then().statusCode(200).body("user.username", equalTo(mallory.username()));

        anonymous().get("/api/profiles/{username}", alice.username())
                .then().statusCode(200).body("profile.bio", equalTo(null));
    }
}
