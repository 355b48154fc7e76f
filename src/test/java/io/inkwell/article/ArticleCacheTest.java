package io.inkwell.article;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.favorite;
import static io.inkwell.support.Api.follow;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Articles and lists come from the shared cache, and every write that changes what they show is
 * visible on the very next read: each test reads first (so the answer is cached), writes, reads again.
 */
@QuarkusTest
class ArticleCacheTest {

    @Inject
    SessionFactory sessionFactory;

    @Test
    void shouldServeRepeatedReadsWithoutTheDatabaseAndViewerMarksWithTwoStatements() {
        Registered author = register("cached");
        Registered reader = register("reader");
        String tag = unique("cachedtag");
        for (int i = 0; i < 25; i++) {
            publish(author, "Cached " + i + " " + unique("t"), tag);
        }

        assertThat(statements(anonymous().queryParam("tag", tag).queryParam("limit", 20))).isZero();
        assertThat(statements(anonymous().queryParam("tag", tag).queryParam("limit", 100))).isZero();
        assertThat(statements(as(reader).queryParam("tag", tag).queryParam("limit", 20))).isEqualTo(2);
        assertThat(statements(as(reader).queryParam("tag", tag).queryParam("limit", 100))).isEqualTo(2);
    }

    @Test
    void shouldShowAnEditAndANewSlugAtOnce() {
        Registered author = register("editor");
        String tag = unique("edited");
        String slug = publish(author, "First title " + unique("t"), tag);
        anonymous().get("/api/articles/{slug}", slug).then().statusCode(200);
        anonymous().queryParam("tag", tag).get("/api/articles").then().statusCode(200);

        String newSlug = as(author).body(Map.of("article", Map.of("title", "Second title " + unique("t"), "body", "New body")))
                .put("/api/articles/{slug}", slug).then().statusCode(200).extract().path("article.slug");

        assertThat(newSlug).isNotEqualTo(slug);
        anonymous().get("/api/articles/{slug}", slug).then().statusCode(404);
        anonymous().get("/api/articles/{slug}", newSlug).then().statusCode(200).body("article.body", equalTo("New body"));
        anonymous().queryParam("tag", tag).get("/api/articles").then().body("articles.slug", contains(newSlug));
    }

    @Test
    void shouldListANewArticleAndForgetADeletedOneAtOnce() {
        Registered author = register("churn");
        String tag = unique("churn");
        String first = publish(author, "Churn one " + unique("t"), tag);
        anonymous().queryParam("author", author.username()).get("/api/articles").then().body("articlesCount", equalTo(1));
        anonymous().get("/api/articles/{slug}", first).then().statusCode(200);

        String second = publish(author, "Churn two " + unique("t"), tag);
        anonymous().queryParam("author", author.username()).get("/api/articles")
                .then().body("articlesCount", equalTo(2)).body("articles.slug", contains(second, first));

        as(author).delete("/api/articles/{slug}", first).then().statusCode(204);
        anonymous().get("/api/articles/{slug}", first).then().statusCode(404);
        anonymous().queryParam("author", author.username()).get("/api/articles")
                .then().body("articlesCount", equalTo(1)).body("articles.slug", contains(second));
        anonymous().queryParam("tag", tag).get("/api/articles").then().body("articles.slug", contains(second));
    }

    @Test
    void shouldMoveAnArticleBetweenTagListsWhenItsTagsChange() {
        Registered author = register("retagger");
        String before = unique("before");
        String after = unique("after");
        String slug = publish(author, "Retagged " + unique("t"), before);
        anonymous().queryParam("tag", before).get("/api/articles").then().body("articlesCount", equalTo(1));
        anonymous().queryParam("tag", after).get("/api/articles").then().body("articlesCount", equalTo(0));

        as(author).body(Map.of("article", Map.of("tagList", List.of(after)))).put("/api/articles/{slug}", slug)
                .then().statusCode(200);

        anonymous().queryParam("tag", before).get("/api/articles").then().body("articlesCount", equalTo(0));
        anonymous().queryParam("tag", after).get("/api/articles").then().body("articles.slug", contains(slug));
        anonymous().get("/api/articles/{slug}", slug).then().body("article.tagList", contains(after));
    }

    @Test
    void shouldCountFavoritesAtOnceAndKeepFavoritedPerViewer() {
        Registered author = register("starred");
        Registered fan = register("fan");
        Registered other = register("other");
        String slug = publish(author, "Starred " + unique("t"));
        anonymous().get("/api/articles/{slug}", slug).then().body("article.favoritesCount", equalTo(0));
        anonymous().queryParam("favorited", fan.username()).get("/api/articles").then().body("articles", empty());

        favorite(fan, slug);

        anonymous().get("/api/articles/{slug}", slug)
                .then().body("article.favoritesCount", equalTo(1)).body("article.favorited", equalTo(false));
        as(fan).get("/api/articles/{slug}", slug).then().body("article.favorited", equalTo(true));
        as(other).get("/api/articles/{slug}", slug).then().body("article.favorited", equalTo(false));
        anonymous().queryParam("favorited", fan.username()).get("/api/articles").then().body("articles.slug", contains(slug));
        as(fan).queryParam("author", author.username()).get("/api/articles")
                .then().body("articles[0].favorited", equalTo(true)).body("articles[0].favoritesCount", equalTo(1));

        as(fan).delete("/api/articles/{slug}/favorite", slug).then().statusCode(200);

        anonymous().get("/api/articles/{slug}", slug).then().body("article.favoritesCount", equalTo(0));
        anonymous().queryParam("favorited", fan.username()).get("/api/articles").then().body("articles", empty());
        as(fan).queryParam("author", author.username()).get("/api/articles").then().body("articles[0].favorited", equalTo(false));
    }

    @Test
    void shouldMarkFollowingPerViewerOnCachedArticles() {
        Registered author = register("followed");
        Registered follower = register("follower");
        String slug = publish(author, "Followed " + unique("t"));
        as(follower).get("/api/articles/{slug}", slug).then().body("article.author.following", equalTo(false));

        follow(follower, author);

        as(follower).get("/api/articles/{slug}", slug).then().body("article.author.following", equalTo(true));
        anonymous().get("/api/articles/{slug}", slug).then().body("article.author.following", equalTo(false));
        as(follower).queryParam("author", author.username()).get("/api/articles")
                .then().body("articles[0].author.following", equalTo(true));
        as(follower).delete("/api/profiles/{username}/follow", author.username()).then().statusCode(200);
        as(follower).get("/api/articles/{slug}", slug).then().body("article.author.following", equalTo(false));
    }

    @Test
    void shouldShowAuthorsNewNameBioAndImageInCachedArticlesAndLists() {
        Registered author = register("renamed");
        String slug = publish(author, "By a renamed author " + unique("t"));
        anonymous().get("/api/articles/{slug}", slug).then().statusCode(200);
        anonymous().queryParam("author", author.username()).get("/api/articles").then().body("articlesCount", equalTo(1));
        String newName = unique("newname");

        as(author).body(Map.of("user", Map.of("username", newName, "bio", "New bio", "image", "https://img.test/a.png")))
                .put("/api/user").then().statusCode(200);

        anonymous().get("/api/articles/{slug}", slug).then()
                .body("article.author.username", equalTo(newName))
                .body("article.author.bio", equalTo("New bio"))
                .body("article.author.image", equalTo("https://img.test/a.png"));
        anonymous().queryParam("author", author.username()).get("/api/articles").then().body("articlesCount", equalTo(0));
        anonymous().queryParam("author", newName).get("/api/articles")
                .then().body("articles.slug", contains(slug)).body("articles[0].author.bio", equalTo("New bio"));
    }

    private long statements(RequestSpecification request) {
        request.get("/api/articles").then().statusCode(200); // cached, as are the token's session state
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        request.get("/api/articles").then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }
}
