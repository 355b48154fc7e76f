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
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** GET /api/articles and /api/articles/feed. The database is shared, so every list is scoped by a unique tag or author. */
@QuarkusTest
class ArticleListTest {

    /** Publishes {@code count} articles, oldest first, and returns their slugs newest first (the list order). */
    private static List<String> publishMany(Registered author, int count, String... tags) {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slugs.add(0, publish(author, "Article " + i + " " + unique("n"), tags));
        }
        return slugs;
    }

    private static List<String> slugsOf(RequestSpecification request) {
        return request.get("/api/articles").then().statusCode(200).extract().path("articles.slug");
    }

    @Test
    void shouldFilterByTag() {
        Registered author = register("lister");
        String tag = unique("filter");
        String tagged = publish(author, "Tagged", tag, "common");
        publish(author, "Untagged", "common");

        anonymous().queryParam("tag", tag).get("/api/articles")
                .then().statusCode(200)
                .body("articles.slug", contains(tagged))
                .body("articles[0].tagList", contains("common", tag))
                .body("articlesCount", equalTo(1));
    }

    @Test
    void shouldFilterByAuthor() {
        Registered author = register("lister");
        Registered other = register("lister");
        String tag = unique("byauthor");
        List<String> mine = publishMany(author, 2, tag);
        publish(other, "Not by the author", tag);

        anonymous().queryParam("author", author.username()).get("/api/articles")
                .then().statusCode(200)
                .body("articles.slug", equalTo(mine))
                .body("articles.author.username", everyItem(equalTo(author.username())))
                .body("articlesCount", equalTo(2));
    }

    @Test
    void shouldFilterByFavoritingUser() {
        Registered author = register("lister");
        Registered fan = register("fan");
        List<String> slugs = publishMany(author, 3);
        favorite(fan, slugs.get(0));
        favorite(fan, slugs.get(2));

        anonymous().queryParam("favorited", fan.username()).get("/api/articles")
                .then().statusCode(200)
                .body("articles.slug", contains(slugs.get(0), slugs.get(2)))
                .body("articles.favoritesCount", contains(1, 1))
                .body("articlesCount", equalTo(2));
    }

    @Test
    void shouldCombineTagAuthorAndFavoritedFilters() {
        Registered alice = register("alice");
        Registered bob = register("bob");
        Registered fan = register("fan");
        String tag = unique("combo");
        String aliceTagged = publish(alice, "Alice tagged", tag);
        String aliceTaggedUnloved = publish(alice, "Alice tagged, not favorited", tag);
        String aliceUntagged = publish(alice, "Alice untagged");
        String bobTagged = publish(bob, "Bob tagged", tag);
        favorite(fan, aliceTagged);
        favorite(fan, aliceUntagged);
        favorite(fan, bobTagged);

        assertThat(slugsOf(anonymous().queryParam("tag", tag).queryParam("author", alice.username())))
                .containsExactly(aliceTaggedUnloved, aliceTagged);
        assertThat(slugsOf(anonymous().queryParam("tag", tag).queryParam("favorited", fan.username())))
                .containsExactly(bobTagged, aliceTagged);
        assertThat(slugsOf(anonymous().queryParam("author", alice.username()).queryParam("favorited", fan.username())))
                .containsExactly(aliceUntagged, aliceTagged);
        anonymous().queryParam("tag", tag).queryParam("author", alice.username())
                .queryParam("favorited", fan.username())
                .get("/api/articles")
                .then().statusCode(200)
                .body("articles.slug", contains(aliceTagged))
                .body("articlesCount", equalTo(1));
    }

    @Test
    void shouldMatchAuthorAndFavoritedUsernamesIgnoringCase() {
        Registered author = register("Lister");
        String slug = publish(author, "Case");
        favorite(author, slug);

        assertThat(slugsOf(anonymous().queryParam("author", author.username().toUpperCase()))).containsExactly(slug);
        assertThat(slugsOf(anonymous().queryParam("favorited", author.username().toUpperCase()))).containsExactly(slug);
    }

    @Test
    void shouldReturnEmptyPageForUnknownAuthorTagOrFavoritingUser() {
        anonymous().queryParam("author", unique("nobody")).get("/api/articles")
                .then().statusCode(200).body("articles", empty()).body("articlesCount", equalTo(0));
        anonymous().queryParam("tag", unique("notag")).get("/api/articles")
                .then().statusCode(200).body("articles", empty()).body("articlesCount", equalTo(0));
        anonymous().queryParam("favorited", unique("nobody")).get("/api/articles")
                .then().statusCode(200).body("articles", empty()).body("articlesCount", equalTo(0));
    }

    @Test
    void shouldListNewestFirstWithoutBodies() {
        Registered author = register("lister");
        String tag = unique("order");
        List<String> slugs = publishMany(author, 3, tag);

        anonymous().queryParam("tag", tag).get("/api/articles")
                .then().statusCode(200)
                .body("articles.slug", equalTo(slugs))
                .body("articles", everyItem(not(hasKey("body"))))
                .body("articles", everyItem(hasKey("description")))
                .body("articles.createdAt", everyItem(matchesPattern(ArticleResourceTest.TIMESTAMP)))
                .body("articles.updatedAt", everyItem(matchesPattern(ArticleResourceTest.TIMESTAMP)));
    }

    @Test
    void shouldPageWithLimitAndOffsetAndCountAllMatches() {
        Registered author = register("pager");
        String tag = unique("paged");
        List<String> slugs = publishMany(author, 5, tag);

        anonymous().queryParam("tag", tag).queryParam("limit", 2).get("/api/articles")
                .then().statusCode(200)
                .body("articles.slug", equalTo(slugs.subList(0, 2)))
                .body("articlesCount", equalTo(5));
        anonymous().queryParam("tag", tag).queryParam("limit", 2).queryParam("offset", 2).get("/api/articles")
                .then().statusCode(200)
                .body("articles.slug", equalTo(slugs.subList(2, 4)))
                .body("articlesCount", equalTo(5));
        anonymous().queryParam("tag", tag).queryParam("limit", 2).queryParam("offset", 4).get("/api/articles")
                .then().statusCode(200)
                .body("articles.slug", equalTo(slugs.subList(4, 5)))
                .body("articlesCount", equalTo(5));
        anonymous().queryParam("tag", tag).queryParam("offset", 5).get("/api/articles")
                .then().statusCode(200)
                .body("articles", empty())
                .body("articlesCount", equalTo(5));
    }

    @Test
    void shouldReturn20ArticlesByDefaultAndUpTo100OnRequest() {
        Registered author = register("prolific");
        String tag = unique("many");
        List<String> slugs = publishMany(author, 22, tag);

        anonymous().queryParam("tag", tag).get("/api/articles")
                .then().statusCode(200)
                .body("articles.slug", equalTo(slugs.subList(0, 20)))
                .body("articlesCount", equalTo(22));
        anonymous().queryParam("tag", tag).queryParam("limit", 100).get("/api/articles")
                .then().statusCode(200)
                .body("articles.slug", equalTo(slugs))
                .body("articlesCount", equalTo(22));
        anonymous().queryParam("tag", tag).queryParam("limit", 1).queryParam("offset", 21).get("/api/articles")
                .then().statusCode(200)
                .body("articles.slug", contains(slugs.get(21)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({ "limit,0", "limit,101", "limit,-1", "limit,abc", "limit,1.5", "offset,-1", "offset,abc",
            "offset,99999999999" })
    void shouldReturn422ForBadPagingOfArticles(String parameter, String value) {
        anonymous().queryParam(parameter, value).get("/api/articles")
                .then().statusCode(422)
                .body("errors." + parameter, hasSize(1));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({ "limit,0", "limit,101", "limit,-1", "limit,abc", "offset,-1", "offset,abc" })
    void shouldReturn422ForBadPagingOfFeed(String parameter, String value) {
        Registered reader = register("reader");

        as(reader).queryParam(parameter, value).get("/api/articles/feed")
                .then().statusCode(422)
                .body("errors." + parameter, hasSize(1));
    }

    @Test
    void shouldShowFavoritedAndFollowingFromTheViewersPointOfView() {
        Registered followed = register("followed");
        Registered stranger = register("stranger");
        Registered viewer = register("viewer");
        String tag = unique("pov");
        String loved = publish(followed, "Loved", tag);
        String ignored = publish(stranger, "Ignored", tag);
        follow(viewer, followed);
        favorite(viewer, loved);

        as(viewer).queryParam("tag", tag).get("/api/articles")
                .then().statusCode(200)
                .body("articles.slug", contains(ignored, loved))
                .body("articles.favorited", contains(false, true))
                .body("articles.favoritesCount", contains(0, 1))
                .body("articles.author.following", contains(false, true));
        anonymous().queryParam("tag", tag).get("/api/articles")
                .then().statusCode(200)
                .body("articles.favorited", contains(false, false))
                .body("articles.favoritesCount", contains(0, 1))
                .body("articles.author.following", contains(false, false));
        as(viewer).get("/api/articles/{slug}", loved)
                .then().statusCode(200)
                .body("article.favorited", equalTo(true))
                .body("article.author.following", equalTo(true));
    }

    // --- feed ---

    @Test
    void shouldReturn401WhenFeedRequestedWithoutToken() {
        anonymous().get("/api/articles/feed")
                .then().statusCode(401)
                .body("errors.token", contains("is missing"));
    }

    @Test
    void shouldShowOnlyFollowedAuthorsInFeed() {
        Registered followedA = register("followed");
        Registered followedB = register("followed");
        Registered stranger = register("stranger");
        Registered reader = register("reader");
        String a1 = publish(followedA, "A1");
        publish(stranger, "Stranger's");
        String b1 = publish(followedB, "B1");
        String a2 = publish(followedA, "A2");
        follow(reader, followedA);
        follow(reader, followedB);

        as(reader).get("/api/articles/feed")
                .then().statusCode(200)
                .body("articles.slug", contains(a2, b1, a1))
                .body("articles.author.following", contains(true, true, true))
                .body("articles", everyItem(not(hasKey("body"))))
                .body("articlesCount", equalTo(3));
    }

    @Test
    void shouldPageFeedAndCountAllItsArticles() {
        Registered followed = register("followed");
        Registered reader = register("reader");
        List<String> slugs = publishMany(followed, 4);
        follow(reader, followed);

        as(reader).queryParam("limit", 3).get("/api/articles/feed")
                .then().statusCode(200)
                .body("articles.slug", equalTo(slugs.subList(0, 3)))
                .body("articlesCount", equalTo(4));
        as(reader).queryParam("limit", 3).queryParam("offset", 3).get("/api/articles/feed")
                .then().statusCode(200)
                .body("articles.slug", equalTo(slugs.subList(3, 4)))
                .body("articlesCount", equalTo(4));
    }

    @Test
    void shouldReturnEmptyFeedWhenFollowingNobody() {
        Registered loner = register("loner");
        publish(loner, "My own article is not in my feed");

        as(loner).get("/api/articles/feed")
                .then().statusCode(200)
                .body("articles", empty())
                .body("articlesCount", equalTo(0));
    }

    @Test
    void shouldDropArticlesFromFeedAfterUnfollowing() {
        Registered followed = register("followed");
        Registered reader = register("reader");
        publish(followed, "Soon unfollowed");
        follow(reader, followed);

        as(reader).delete("/api/profiles/{username}/follow", followed.username()).then().statusCode(200);

        as(reader).get("/api/articles/feed")
                .then().statusCode(200)
                .body("articles", hasSize(0))
                .body("articlesCount", equalTo(0));
    }
}
