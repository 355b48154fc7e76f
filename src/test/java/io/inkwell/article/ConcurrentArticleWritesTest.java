package io.inkwell.article;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.inkwell.support.Race;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Writes that race each other must all succeed, never with a 5xx, and leave consistent data. */
@QuarkusTest
class ConcurrentArticleWritesTest {

    private static Response create(Registered author, String title, List<String> tags) {
        return as(author)
                .body(Map.of("article", Map.of("title", title, "description", "d", "body", "b", "tagList", tags)))
                .post("/api/articles");
    }

    @Test
    void shouldCountOneFavoriteWhenOneUserFavoritesConcurrently() throws Exception {
        Registered author = register("author");
        Registered fan = register("eager");
        String slug = publish(author, "Click me many times");

        List<Integer> statuses = Race.run(Race.THREADS,
                i -> as(fan).post("/api/articles/{slug}/favorite", slug).statusCode());

        assertThat(statuses).containsOnly(200);
        anonymous().get("/api/articles/{slug}", slug)
                .then().statusCode(200).body("article.favoritesCount", equalTo(1));
    }

    @Test
    void shouldCountEveryUserWhenManyFavoriteConcurrently() throws Exception {
        Registered author = register("author");
        String slug = publish(author, "Crowd favorite");
        List<Registered> fans = IntStream.range(0, Race.THREADS)
                .mapToObj(i -> register("crowd")).toList();

        List<Integer> statuses = Race.run(fans.size(),
                i -> as(fans.get(i)).post("/api/articles/{slug}/favorite", slug).statusCode());

        assertThat(statuses).containsOnly(200);
        anonymous().get("/api/articles/{slug}", slug)
                .then().statusCode(200).body("article.favoritesCount", equalTo(Race.THREADS));
    }

    @Test
    void shouldCreateNewTagOnceWhenArticlesIntroduceItConcurrently() throws Exception {
        Registered author = register("author");
        String tag = unique("fresh");

        List<Response> responses = Race.run(Race.THREADS,
                i -> create(author, "Fresh tag " + i + " " + tag, List.of(tag)));

        assertThat(responses).extracting(Response::statusCode).containsOnly(201);
        assertThat(responses).allSatisfy(r -> assertThat(r.<List<String>>path("article.tagList")).containsExactly(tag));
        List<String> tags = anonymous().get("/api/tags").then().statusCode(200).extract().path("tags");
        assertThat(tags).containsOnlyOnce(tag);
        anonymous().queryParam("tag", tag).get("/api/articles")
                .then().statusCode(200).body("articlesCount", equalTo(Race.THREADS));
    }

    /** Several rounds, because one round of a lock-order race does not always collide. */
    @Test
    void shouldCreateSharedNewTagsWhateverOrderConcurrentArticlesListThem() throws Exception {
        Registered author = register("author");
        for (int round = 0; round < 5; round++) {
            String first = unique("alpha");
            String second = unique("beta");
            String third = unique("gamma");
            List<List<String>> orders = List.of(
                    List.of(first, second, third), List.of(third, second, first),
                    List.of(second, third, first), List.of(first, third, second));

            List<Integer> statuses = Race.run(Race.THREADS,
                    i -> create(author, "Tag order " + i + " " + first, orders.get(i % orders.size())).statusCode());

            assertThat(statuses).as("round %d", round).containsOnly(201);
            List<String> tags = anonymous().get("/api/tags").then().statusCode(200).extract().path("tags");
            assertThat(tags).containsOnlyOnce(first, second, third);
            anonymous().queryParam("tag", second).get("/api/articles")
                    .then().statusCode(200).body("articlesCount", equalTo(Race.THREADS));
        }
    }

    @Test
    void shouldGiveDistinctSlugsWhenArticlesWithSameTitleAreCreatedConcurrently() throws Exception {
        Registered author = register("author");
        String token = unique("same").replace("_", "");
        String title = "Great minds " + token;

        List<Response> responses = Race.run(Race.THREADS, i -> create(author, title, List.of()));

        assertThat(responses).extracting(Response::statusCode).containsOnly(201);
        List<String> slugs = responses.stream().map(r -> r.<String>path("article.slug")).toList();
        assertThat(slugs).doesNotHaveDuplicates().allSatisfy(s -> assertThat(s).startsWith("great-minds-" + token));
        assertThat(slugs).containsOnlyOnce("great-minds-" + token);
        for (String slug : slugs) {
            anonymous().get("/api/articles/{slug}", slug).then().statusCode(200).body("article.title", equalTo(title));
        }
    }
}
