package io.inkwell.article;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.favorite;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FavoriteResourceTest {

    @Test
    void shouldReturnFavoritedArticleWithCountWhenFavoriting() {
        Registered author = register("author");
        Registered fan = register("fan");
        String slug = publish(author, "Worth a star");

        as(fan).post("/api/articles/{slug}/favorite", slug)
                .then().statusCode(200)
                .body("article.slug", equalTo(slug))
                .body("article.favorited", equalTo(true))
                .body("article.favoritesCount", equalTo(1))
                .body("article.author.username", equalTo(author.username()));

        as(fan).get("/api/articles/{slug}", slug)
                .then().statusCode(200)
                .body("article.favorited", equalTo(true))
                .body("article.favoritesCount", equalTo(1));
    }

    @Test
    void shouldKeepCountAtOneWhenFavoritingTwice() {
        Registered author = register("author");
        Registered fan = register("fan");
        String slug = publish(author, "Starred twice");
        favorite(fan, slug);

        as(fan).post("/api/articles/{slug}/favorite", slug)
                .then().statusCode(200)
                .body("article.favorited", equalTo(true))
                .body("article.favoritesCount", equalTo(1));
    }

    @Test
    void shouldReturnUnfavoritedArticleWhenUnfavoriting() {
        Registered author = register("author");
        Registered fan = register("fan");
        String slug = publish(author, "Unstarred");
        favorite(fan, slug);

        as(fan).delete("/api/articles/{slug}/favorite", slug)
                .then().statusCode(200)
                .body("article.slug", equalTo(slug))
                .body("article.favorited", equalTo(false))
                .body("article.favoritesCount", equalTo(0));

        anonymous().queryParam("favorited", fan.username()).get("/api/articles")
                .then().statusCode(200).body("articlesCount", equalTo(0));
    }

    @Test
    void shouldNeverGoBelowZeroWhenUnfavoritingTwiceOrWithoutFavoriting() {
        Registered author = register("author");
        Registered fan = register("fan");
        Registered other = register("other");
        String slug = publish(author, "Never negative");
        favorite(other, slug);
        favorite(fan, slug);

        as(fan).delete("/api/articles/{slug}/favorite", slug).then().statusCode(200)
                .body("article.favoritesCount", equalTo(1));
        as(fan).delete("/api/articles/{slug}/favorite", slug).then().statusCode(200)
                .body("article.favorited", equalTo(false))
                .body("article.favoritesCount", equalTo(1));
        as(other).delete("/api/articles/{slug}/favorite", slug).then().statusCode(200)
                .body("article.favoritesCount", equalTo(0));
        as(other).delete("/api/articles/{slug}/favorite", slug).then().statusCode(200)
                .body("article.favorited", equalTo(false))
                .body("article.favoritesCount", equalTo(0));
    }

    @Test
    void shouldAddUpFavoritesOfSeveralUsers() {
        Registered author = register("author");
        Registered first = register("fan");
        Registered second = register("fan");
        Registered third = register("fan");
        String slug = publish(author, "Popular");

        as(first).post("/api/articles/{slug}/favorite", slug).then().statusCode(200)
                .body("article.favoritesCount", equalTo(1));
        as(second).post("/api/articles/{slug}/favorite", slug).then().statusCode(200)
                .body("article.favoritesCount", equalTo(2));
        as(third).post("/api/articles/{slug}/favorite", slug).then().statusCode(200)
                .body("article.favoritesCount", equalTo(3));

        as(author).get("/api/articles/{slug}", slug)
                .then().statusCode(200)
                .body("article.favorited", equalTo(false))
                .body("article.favoritesCount", equalTo(3));
        anonymous().queryParam("author", author.username()).get("/api/articles")
                .then().statusCode(200)
                .body("articles.favoritesCount", contains(3))
                .body("articles.favorited", contains(false));
    }

    @Test
    void shouldReturn401WhenFavoritingOrUnfavoritingWithoutToken() {
        Registered author = register("author");
        String slug = publish(author, "Guarded star");

        anonymous().post("/api/articles/{slug}/favorite", slug)
                .then().statusCode(401).body("errors.token", contains("is missing"));
        anonymous().delete("/api/articles/{slug}/favorite", slug)
                .then().statusCode(401).body("errors.token", contains("is missing"));

        anonymous().get("/api/articles/{slug}", slug).then().body("article.favoritesCount", equalTo(0));
    }

    @Test
    void shouldReturn404WhenFavoritingUnknownArticle() {
        Registered fan = register("fan");

        as(fan).post("/api/articles/{slug}/favorite", "no-such-slug-to-favorite")
                .then().statusCode(404).body("errors.article", contains("not found"));
        as(fan).delete("/api/articles/{slug}/favorite", "no-such-slug-to-favorite")
                .then().statusCode(404).body("errors.article", contains("not found"));
    }
}
