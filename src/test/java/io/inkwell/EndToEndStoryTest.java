package io.inkwell;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;

/** One reader's story with one writer, told only through the public API. */
@QuarkusTest
class EndToEndStoryTest {

    @Test
    void shouldCarryAnArticleFromFollowThroughFeedCommentsAndFavoritesToDeletion() {
        Registered reader = register("reader");
        Registered writer = register("writer");
        String tag = unique("story");

        as(reader).post("/api/profiles/{username}/follow", writer.username())
                .then().statusCode(200)
                .body("profile.username", equalTo(writer.username()))
                .body("profile.following", equalTo(true));

        String slug = as(writer)
                .body(Map.of("article", Map.of(
                        "title", "A story worth following",
                        "description", "From draft to deletion",
                        "body", "Once upon a time.",
                        "tagList", List.of(tag))))
                .post("/api/articles")
                .then().statusCode(201)
                .extract().path("article.slug");

        as(reader).get("/api/articles/feed")
                .then().statusCode(200)
                .body("articles.slug", contains(slug))
                .body("articles[0].author.username", equalTo(writer.username()))
                .body("articles[0].author.following", equalTo(true))
                .body("articlesCount", equalTo(1));

        int commentId = as(reader)
                .body(Map.of("comment", Map.of("body", "Loved it.")))
                .post("/api/articles/{slug}/comments", slug)
                .then().statusCode(200)
                .body("comment.author.username", equalTo(reader.username()))
                .extract().path("comment.id");

        as(reader).post("/api/articles/{slug}/favorite", slug)
                .then().statusCode(200)
                .body("article.favorited", equalTo(true))
                .body("article.favoritesCount", equalTo(1));

        as(writer).get("/api/articles/{slug}/comments", slug)
                .then().statusCode(200)
                .body("comments.id", contains(commentId))
                .body("comments.body", contains("Loved it."));
        anonymous().queryParam("favorited", reader.username()).get("/api/articles")
                .then().statusCode(200)
                .body("articles.slug", contains(slug));

        as(writer).delete("/api/articles/{slug}", slug).then().statusCode(204);

        as(reader).get("/api/articles/feed")
                .then().statusCode(200)
                .body("articles", empty())
                .body("articlesCount", equalTo(0));
        anonymous().get("/api/articles/{slug}/comments", slug)
                .then().statusCode(404)
                .body("errors.article", contains("not found"));
        anonymous().get("/api/articles/{slug}", slug).then().statusCode(404);
        anonymous().queryParam("favorited", reader.username()).get("/api/articles")
                .then().statusCode(200)
                .body("articlesCount", equalTo(0));
        anonymous().queryParam("tag", tag).get("/api/articles")
                .then().statusCode(200)
                .body("articlesCount", equalTo(0));
    }
}
