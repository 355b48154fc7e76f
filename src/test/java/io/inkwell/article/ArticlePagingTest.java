package io.inkwell.article;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.follow;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Keyset paging ({@code cursor}/{@code nextCursor}), the offset limit, and exact, maintained counts. */
@QuarkusTest
class ArticlePagingTest {

    private static List<String> publishMany(Registered author, int count, String... tags) {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slugs.add(0, publish(author, "Paged " + i + " " + unique("n"), tags));
        }
        return slugs;
    }

    private static JsonPath page(RequestSpecification request, String path) {
        return request.get(path).then().statusCode(200).extract().jsonPath();
    }

    /** Every slug of the list, following nextCursor from the first page to the last. */
    private static List<String> walk(RequestSpecification first, java.util.function.Supplier<RequestSpecification> next,
            String path, int expectedCount) {
        List<String> slugs = new ArrayList<>();
        JsonPath page = page(first, path);
        while (true) {
            assertThat(page.getInt("articlesCount")).isEqualTo(expectedCount);
            slugs.addAll(page.getList("articles.slug"));
            String cursor = page.getString("nextCursor");
            if (cursor == null) {
                return slugs;
            }
            page = page(next.get().queryParam("cursor", cursor), path);
        }
    }

    @Test
    void shouldWalkAFilteredListWithCursorsNewestFirst() {
        Registered author = register("pager");
        String tag = unique("cursor");
        List<String> slugs = publishMany(author, 5, tag);

        List<String> walked = walk(anonymous().queryParam("tag", tag).queryParam("limit", 2),
                () -> anonymous().queryParam("tag", tag).queryParam("limit", 2), "/api/articles", 5);

        assertThat(walked).isEqualTo(slugs);
    }

    @Test
    void shouldGiveNoCursorWhenThePageEndsTheList() {
        Registered author = register("pager");
        String tag = unique("exact");
        publishMany(author, 4, tag);

        JsonPath first = page(anonymous().queryParam("tag", tag).queryParam("limit", 2), "/api/articles");
        JsonPath last = page(anonymous().queryParam("tag", tag).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")), "/api/articles");
        JsonPath all = page(anonymous().queryParam("tag", tag).queryParam("limit", 4), "/api/articles");

        assertThat(last.getList("articles")).hasSize(2);
        assertThat(last.getMap("")).doesNotContainKey("nextCursor");
        assertThat(all.getMap("")).doesNotContainKey("nextCursor");
    }

    @Test
    void shouldWalkTheFeedWithCursorsAndNotRepeatWhenArticlesArePublishedMeanwhile() {
        Registered followed = register("followed");
        Registered reader = register("reader");
        List<String> slugs = publishMany(followed, 3);
        follow(reader, followed);

        JsonPath first = page(as(reader).queryParam("limit", 2), "/api/articles/feed");
        String newer = publish(followed, "Published while paging");
        JsonPath second = page(as(reader).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor")),
                "/api/articles/feed");

        assertThat(first.getList("articles.slug")).isEqualTo(slugs.subList(0, 2));
        assertThat(second.getList("articles.slug")).isEqualTo(slugs.subList(2, 3)).doesNotContain(newer);
        assertThat(second.getInt("articlesCount")).isEqualTo(4);
    }

    @Test
    void shouldContinueTheUnfilteredListAfterACursor() {
        Registered author = register("pager");
        List<String> mine = publishMany(author, 2);

        JsonPath first = page(anonymous().queryParam("limit", 1), "/api/articles");
        JsonPath second = page(anonymous().queryParam("limit", 1).queryParam("cursor", first.getString("nextCursor")),
                "/api/articles");

        assertThat(first.getList("articles.slug")).containsExactly(mine.get(0));
        assertThat(second.getList("articles.slug")).containsExactly(mine.get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "!!!", "MTIz", "eC55", "MS4w", "OTk5OTk5OTk5OTk5OTk5OTk5OS4x" })
    void shouldReturn422ForACursorItDidNotIssue(String cursor) {
        anonymous().queryParam("cursor", cursor).get("/api/articles")
                .then().statusCode(422).body("errors.cursor", hasSize(1));
        as(register("reader")).queryParam("cursor", cursor).get("/api/articles/feed")
                .then().statusCode(422).body("errors.cursor", hasSize(1));
    }

    @Test
    void shouldReturn422ForCursorWithOffset() {
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString("1700000000000000.5".getBytes(StandardCharsets.US_ASCII));
        anonymous().queryParam("cursor", cursor).queryParam("offset", 1).get("/api/articles")
                .then().statusCode(422).body("errors.cursor", hasSize(1));
    }

    @Test
    void shouldAcceptOffsetsUpToTheMaximumAndRefuseDeeperOnes() {
        String tag = unique("deep");
        anonymous().queryParam("tag", tag).queryParam("offset", Paging.MAX_OFFSET).get("/api/articles")
                .then().statusCode(200).body("articles", hasSize(0));
        anonymous().queryParam("offset", Paging.MAX_OFFSET + 1).get("/api/articles")
                .then().statusCode(422).body("errors.offset", hasSize(1));
    }

    @Test
    void shouldCountAllArticlesExactlyAsTheyArePublishedAndDeleted() {
        Registered author = register("counter");
        long before = page(anonymous().queryParam("limit", 1), "/api/articles").getLong("articlesCount");

        String slug = publish(author, "Counted");
        long afterPublishing = page(anonymous().queryParam("limit", 1), "/api/articles").getLong("articlesCount");
        as(author).delete("/api/articles/{slug}", slug).then().statusCode(204);
        long afterDeleting = page(anonymous().queryParam("limit", 1), "/api/articles").getLong("articlesCount");

        assertThat(afterPublishing).isEqualTo(before + 1);
        assertThat(afterDeleting).isEqualTo(before);
    }

    @Test
    void shouldCountATagsArticlesThroughPublishingRetaggingAndDeleting() {
        Registered author = register("counter");
        String tag = unique("counted");
        String other = unique("other");
        List<String> slugs = publishMany(author, 3, tag);
        String untagged = publish(author, "Not yet tagged", other);

        as(author).body(Map.of("article", Map.of("tagList", List.of(other)))).put("/api/articles/{slug}", slugs.get(0))
                .then().statusCode(200);
        as(author).body(Map.of("article", Map.of("tagList", List.of(tag, other)))).put("/api/articles/{slug}", untagged)
                .then().statusCode(200);
        as(author).delete("/api/articles/{slug}", slugs.get(1)).then().statusCode(204);

        JsonPath page = page(anonymous().queryParam("tag", tag), "/api/articles");
        assertThat(page.getList("articles.slug")).containsExactly(untagged, slugs.get(2));
        assertThat(page.getInt("articlesCount")).isEqualTo(2);
        assertThat(page(anonymous().queryParam("tag", other), "/api/articles").getInt("articlesCount")).isEqualTo(2);
    }

    @Test
    void shouldListTagsMostUsedFirst() {
        Registered author = register("tagger");
        String often = unique("often");
        String seldom = unique("seldom");
        publishMany(author, 3, often);
        publish(author, "Seldom", seldom, often);
        publish(author, "Seldom again", seldom);

        List<String> tags = anonymous().get("/api/tags").then().statusCode(200).extract().path("tags");

        assertThat(tags).contains(often, seldom);
        assertThat(tags.indexOf(often)).isLessThan(tags.indexOf(seldom));
    }
}
