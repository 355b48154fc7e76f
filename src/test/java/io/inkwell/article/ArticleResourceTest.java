package io.inkwell.article;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.comment;
import static io.inkwell.support.Api.favorite;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class ArticleResourceTest {

    static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    /** A lowercase letters-and-digits token, so that a title containing it slugs predictably. */
    static String token() {
        return unique("t").replace("_", "");
    }

    static Map<String, Object> article(String title, String description, String body, List<String> tags) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("title", title);
        article.put("description", description);
        article.put("body", body);
        article.put("tagList", tags);
        return Map.of("article", article);
    }

    private static ValidatableResponse create(Registered author, Object body) {
        return as(author).body(body).post("/api/articles").then();
    }

    // --- create and read ---

    @Test
    void shouldReturn201WithTheWholeArticleWhenPublished() {
        Registered author = register("writer");
        String token = token();
        String title = "How to Train Your Dragon " + token;

        create(author, article(title, "Ever wonder how?", "It takes a Jacobian", List.of("dragons", "training")))
                .statusCode(201)
                .body("article.slug", equalTo("how-to-train-your-dragon-" + token))
                .body("article.title", equalTo(title))
                .body("article.description", equalTo("Ever wonder how?"))
                .body("article.body", equalTo("It takes a Jacobian"))
                .body("article.tagList", containsInAnyOrder("dragons", "training"))
                .body("article.createdAt", matchesPattern(TIMESTAMP))
                .body("article.updatedAt", matchesPattern(TIMESTAMP))
                .body("article.favorited", equalTo(false))
                .body("article.favoritesCount", equalTo(0))
                .body("article.author.username", equalTo(author.username()))
                .body("article.author.bio", nullValue())
                .body("article.author.image", nullValue())
                .body("article.author.following", equalTo(false))
                .body("article", hasKey("author"));
    }

    @Test
    void shouldReturnArticleToAnonymousReader() {
        Registered author = register("writer");
        String title = "Open to all " + token();
        String slug = publish(author, title, "public");

        anonymous().get("/api/articles/{slug}", slug)
                .then().statusCode(200)
                .body("article.slug", equalTo(slug))
                .body("article.title", equalTo(title))
                .body("article.body", equalTo("The body of " + title))
                .body("article.tagList", contains("public"))
                .body("article.favorited", equalTo(false))
                .body("article.author.username", equalTo(author.username()))
                .body("article.author.following", equalTo(false))
                .body("article.createdAt", matchesPattern(TIMESTAMP));
    }

    private static String slugTitle(String slug) {
        return anonymous().get("/api/articles/{slug}", slug).then().extract().path("article.title");
    }

    @Test
    void shouldReturn401WhenPublishingWithoutToken() {
        anonymous().body(article("No token", "d", "b", List.of()))
                .post("/api/articles")
                .then().statusCode(401)
                .body("errors.token", contains("is missing"));
    }

    @Test
    void shouldReturn401WhenPublishingWithInvalidToken() {
        anonymous().header("Authorization", "Token not-a-jwt")
                .body(article("Bad token", "d", "b", List.of()))
                .post("/api/articles")
                .then().statusCode(401)
                .body("errors.token", contains("is invalid or expired"));
    }

    @Test
    void shouldIgnoreServerOwnedFieldsOnCreate() {
        Registered author = register("writer");
        Registered someoneElse = register("other");
        String token = token();
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("title", "Owned fields " + token);
        article.put("description", "d");
        article.put("body", "b");
        article.put("slug", "chosen-by-client-" + token);
        article.put("author", Map.of("username", someoneElse.username()));
        article.put("favoritesCount", 42);
        article.put("favorited", true);
        article.put("createdAt", "2001-01-01T00:00:00.000Z");

        String createdAt = create(author, Map.of("article", article))
                .statusCode(201)
                .body("article.slug", equalTo("owned-fields-" + token))
                .body("article.author.username", equalTo(author.username()))
                .body("article.favoritesCount", equalTo(0))
                .body("article.favorited", equalTo(false))
                .extract().path("article.createdAt");

        assertThat(Instant.parse(createdAt)).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
        anonymous().get("/api/articles/{slug}", "chosen-by-client-" + token).then().statusCode(404);
    }

    @Test
    void shouldDeduplicateTags() {
        Registered author = register("writer");
        String tag = unique("dup");

        create(author, article("Tags twice " + token(), "d", "b", List.of(tag, "other", tag, " " + tag + " ")))
                .statusCode(201)
                .body("article.tagList", hasSize(2))
                .body("article.tagList", containsInAnyOrder(tag, "other"));
    }

    @Test
    void shouldAcceptArticleWithoutTags() {
        Registered author = register("writer");
        Map<String, Object> article = Map.of("title", "No tags " + token(), "description", "d", "body", "b");

        create(author, Map.of("article", article))
                .statusCode(201)
                .body("article.tagList", empty());
    }

    @Test
    void shouldAcceptAndReturnIntactA100KilobyteBody() {
        Registered author = register("writer");
        StringBuilder body = new StringBuilder(102_400);
        String line = "Line with ümlauts, \"quotes\", <tags> & a tab\t, ends here.\n";
        while (body.length() + line.length() <= 102_400) {
            body.append(line);
        }
        while (body.length() < 102_400) {
            body.append('x');
        }
        String expected = body.toString();

        String slug = create(author, article("Long read " + token(), "d", expected, List.of()))
                .statusCode(201)
                .extract().path("article.slug");

        String returned = anonymous().get("/api/articles/{slug}", slug)
                .then().statusCode(200)
                .extract().path("article.body");
        assertThat(returned).hasSize(102_400).isEqualTo(expected);
    }

    @Test
    void shouldReturn404WithArticleKeyForUnknownSlug() {
        Registered user = register("reader");
        String slug = "no-such-article-" + token();

        anonymous().get("/api/articles/{slug}", slug)
                .then().statusCode(404).body("errors.article", contains("not found"));
        as(user).body(Map.of("article", Map.of("body", "x"))).put("/api/articles/{slug}", slug)
                .then().statusCode(404).body("errors.article", contains("not found"));
        as(user).delete("/api/articles/{slug}", slug)
                .then().statusCode(404).body("errors.article", contains("not found"));
        as(user).post("/api/articles/{slug}/favorite", slug)
                .then().statusCode(404).body("errors.article", contains("not found"));
        as(user).delete("/api/articles/{slug}/favorite", slug)
                .then().statusCode(404).body("errors.article", contains("not found"));
        anonymous().get("/api/articles/{slug}/comments", slug)
                .then().statusCode(404).body("errors.article", contains("not found"));
        as(user).body(Map.of("comment", Map.of("body", "hello"))).post("/api/articles/{slug}/comments", slug)
                .then().statusCode(404).body("errors.article", contains("not found"));
        as(user).delete("/api/articles/{slug}/comments/{id}", slug, 1)
                .then().statusCode(404).body("errors.article", contains("not found"));
    }

    // --- slugs ---

    @Test
    void shouldMakeReadableSlugFromTitle() {
        Registered author = register("writer");

        String slug = publish(author, "How to Train Your Dragon");

        assertThat(slug).matches("how-to-train-your-dragon(-[a-z0-9]+)?");
    }

    @Test
    void shouldTransliterateCyrillicTitle() {
        Registered author = register("writer");
        String token = token();

        assertThat(publish(author, "Привет мир " + token)).isEqualTo("privet-mir-" + token);
    }

    @Test
    void shouldTransliterateChineseTitleToAsciiPinyin() {
        Registered author = register("writer");
        String token = token();

        String slug = publish(author, "你好世界 " + token);

        assertThat(slug).isEqualTo("ni-hao-shi-jie-" + token).matches("[a-z0-9-]+");
    }

    @Test
    void shouldGiveNonEmptySlugToTitleOfOnlyPunctuationAndEmoji() {
        Registered author = register("writer");

        String punctuation = publish(author, "?!... --- ???");
        String emoji = publish(author, "🐉🔥🎉");

        assertThat(List.of(punctuation, emoji)).allSatisfy(slug -> assertThat(slug).matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertThat(punctuation).isNotEqualTo(emoji);
        anonymous().get("/api/articles/{slug}", emoji).then().statusCode(200).body("article.title", equalTo("🐉🔥🎉"));
    }

    @Test
    void shouldSuffixSlugWhenTitleAlreadyTaken() {
        Registered author = register("writer");
        Registered other = register("writer");
        String token = token();
        String title = "Same title " + token;

        String first = publish(author, title);
        String second = publish(other, title);
        String third = publish(author, title);

        assertThat(first).isEqualTo("same-title-" + token);
        assertThat(second).startsWith(first + "-").isNotEqualTo(first);
        assertThat(third).startsWith(first + "-");
        assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
        anonymous().get("/api/articles/{slug}", second).then().statusCode(200)
                .body("article.author.username", equalTo(other.username()));
    }

    @Test
    void shouldKeepSlugShortForLongestAllowedTitle() {
        Registered author = register("writer");
        String title = (token() + " " + "word ".repeat(60)).substring(0, 255);

        String slug = create(author, article(title, "d", "b", List.of()))
                .statusCode(201)
                .body("article.title", equalTo(title))
                .extract().path("article.slug");

        assertThat(slug).hasSizeLessThanOrEqualTo(160).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    // --- validation ---

    @Test
    void shouldReturn422WhenTitleDescriptionAndBodyBlank() {
        Registered author = register("writer");

        create(author, article(" ", "", null, List.of()))
                .statusCode(422)
                .body("errors.title", contains("can't be blank"))
                .body("errors.description", contains("can't be blank"))
                .body("errors.body", contains("can't be blank"));
    }

    @Test
    void shouldReturn422WhenArticleMissing() {
        Registered author = register("writer");

        create(author, Map.of()).statusCode(422).body("errors.article", contains("can't be blank"));
    }

    @Test
    void shouldReturn422WhenTitleLongerThan255Characters() {
        Registered author = register("writer");

        create(author, article("t".repeat(256), "d", "b", List.of()))
                .statusCode(422)
                .body("errors.title", contains("is too long (maximum is 255 characters)"));
    }

    @Test
    void shouldReturn422WhenMoreThan20Tags() {
        Registered author = register("writer");
        List<String> tags = IntStream.rangeClosed(1, 21).mapToObj(i -> "tag" + i).toList();

        create(author, article("Too many tags " + token(), "d", "b", tags))
                .statusCode(422)
                .body("errors.tagList", contains("has too many tags (maximum is 20)"));
    }

    @Test
    void shouldAccept20TagsOf64Characters() {
        Registered author = register("writer");
        String prefix = unique("max");
        List<String> tags = IntStream.rangeClosed(1, 20)
                .mapToObj(i -> (prefix + "-" + i + "-" + "x".repeat(64)).substring(0, 64))
                .toList();
        assertThat(tags).doesNotHaveDuplicates();

        create(author, article("Many tags " + token(), "d", "b", tags))
                .statusCode(201)
                .body("article.tagList", hasSize(20))
                .body("article.tagList", containsInAnyOrder(tags.toArray()));
    }

    @Test
    void shouldReturn422WhenTagLongerThan64Characters() {
        Registered author = register("writer");

        create(author, article("Long tag " + token(), "d", "b", List.of("ok", "t".repeat(65))))
                .statusCode(422)
                .body("errors.tagList", contains("is too long (maximum is 64 characters)"));
    }

    @Test
    void shouldReturn422WhenTagBlank() {
        Registered author = register("writer");
        List<String> tags = new ArrayList<>(List.of("fine", "  "));

        create(author, article("Blank tag " + token(), "d", "b", tags))
                .statusCode(422)
                .body("errors.tagList", contains("can't be blank"));
    }

    // --- update ---

    @Test
    void shouldUpdateOnlyTheGivenFields() {
        Registered author = register("writer");
        String tag = unique("keep");
        String slug = publish(author, "Partial " + token(), tag);
        String title = slugTitle(slug);

        as(author).body(Map.of("article", Map.of("body", "A new body")))
                .put("/api/articles/{slug}", slug)
                .then().statusCode(200)
                .body("article.slug", equalTo(slug))
                .body("article.title", equalTo(title))
                .body("article.description", equalTo("About " + title))
                .body("article.body", equalTo("A new body"))
                .body("article.tagList", contains(tag))
                .body("article.updatedAt", matchesPattern(TIMESTAMP));

        anonymous().get("/api/articles/{slug}", slug)
                .then().statusCode(200).body("article.body", equalTo("A new body"));
    }

    @Test
    void shouldReplaceTagsWhenTagListGiven() {
        Registered author = register("writer");
        String slug = publish(author, "Retag " + token(), "old1", "old2");

        as(author).body(Map.of("article", Map.of("tagList", List.of("new", "new"))))
                .put("/api/articles/{slug}", slug)
                .then().statusCode(200)
                .body("article.tagList", contains("new"));
    }

    @Test
    void shouldRegenerateSlugWhenTitleChanges() {
        Registered author = register("writer");
        String slug = publish(author, "Before " + token());
        String token = token();

        as(author).body(Map.of("article", Map.of("title", "After " + token)))
                .put("/api/articles/{slug}", slug)
                .then().statusCode(200)
                .body("article.slug", equalTo("after-" + token))
                .body("article.title", equalTo("After " + token));

        anonymous().get("/api/articles/{slug}", slug).then().statusCode(404).body("errors.article", contains("not found"));
        anonymous().get("/api/articles/{slug}", "after-" + token).then().statusCode(200)
                .body("article.title", equalTo("After " + token));
    }

    @Test
    void shouldIgnoreServerOwnedFieldsOnUpdate() {
        Registered author = register("writer");
        Registered someoneElse = register("other");
        String slug = publish(author, "Keep mine " + token());
        String createdAt = anonymous().get("/api/articles/{slug}", slug).then().extract().path("article.createdAt");

        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("description", "changed");
        changes.put("slug", "hijacked-" + token());
        changes.put("author", Map.of("username", someoneElse.username()));
        changes.put("favoritesCount", 7);
        changes.put("favorited", true);
        changes.put("createdAt", "2001-01-01T00:00:00.000Z");

        as(author).body(Map.of("article", changes))
                .put("/api/articles/{slug}", slug)
                .then().statusCode(200)
                .body("article.slug", equalTo(slug))
                .body("article.description", equalTo("changed"))
                .body("article.author.username", equalTo(author.username()))
                .body("article.favoritesCount", equalTo(0))
                .body("article.favorited", equalTo(false))
                .body("article.createdAt", equalTo(createdAt));
    }

    @Test
    void shouldReturn422WhenUpdateBlanksOrOverflowsAField() {
        Registered author = register("writer");
        String slug = publish(author, "Validated update " + token());

        as(author).body(article(" ", "", "\n", null))
                .put("/api/articles/{slug}", slug)
                .then().statusCode(422)
                .body("errors.title", contains("can't be blank"))
                .body("errors.description", contains("can't be blank"))
                .body("errors.body", contains("can't be blank"));
        as(author).body(Map.of("article", Map.of("title", "t".repeat(256))))
                .put("/api/articles/{slug}", slug)
                .then().statusCode(422)
                .body("errors.title", contains("is too long (maximum is 255 characters)"));
        as(author).body(Map.of("article", Map.of("tagList", List.of(""))))
                .put("/api/articles/{slug}", slug)
                .then().statusCode(422)
                .body("errors.tagList", contains("can't be blank"));

        anonymous().get("/api/articles/{slug}", slug).then().statusCode(200)
                .body("article.description", not(equalTo("")));
    }

    @Test
    void shouldReturn403WhenNonAuthorUpdatesArticle() {
        Registered author = register("writer");
        Registered intruder = register("intruder");
        String title = "Not yours " + token();
        String slug = publish(author, title);

        as(intruder).body(Map.of("article", Map.of("body", "defaced")))
                .put("/api/articles/{slug}", slug)
                .then().statusCode(403)
                .body("errors.article", hasSize(1));

        anonymous().get("/api/articles/{slug}", slug)
                .then().statusCode(200).body("article.body", equalTo("The body of " + title));
    }

    @Test
    void shouldReturn401WhenUpdatingWithoutToken() {
        Registered author = register("writer");
        String slug = publish(author, "Guarded " + token());

        anonymous().body(Map.of("article", Map.of("body", "x")))
                .put("/api/articles/{slug}", slug)
                .then().statusCode(401)
                .body("errors.token", contains("is missing"));
    }

    // --- delete ---

    @Test
    void shouldReturn204AndThen404WhenAuthorDeletesArticle() {
        Registered author = register("writer");
        String slug = publish(author, "Short lived " + token());

        as(author).delete("/api/articles/{slug}", slug).then().statusCode(204);

        anonymous().get("/api/articles/{slug}", slug)
                .then().statusCode(404).body("errors.article", contains("not found"));
        as(author).delete("/api/articles/{slug}", slug)
                .then().statusCode(404).body("errors.article", contains("not found"));
    }

    @Test
    void shouldReturn403WhenNonAuthorDeletesArticle() {
        Registered author = register("writer");
        Registered intruder = register("intruder");
        String slug = publish(author, "Still here " + token());

        as(intruder).delete("/api/articles/{slug}", slug)
                .then().statusCode(403)
                .body("errors.article", hasSize(1));

        anonymous().get("/api/articles/{slug}", slug).then().statusCode(200);
    }

    @Test
    void shouldReturn401WhenDeletingWithoutToken() {
        Registered author = register("writer");
        String slug = publish(author, "Guarded delete " + token());

        anonymous().delete("/api/articles/{slug}", slug).then().statusCode(401);

        anonymous().get("/api/articles/{slug}", slug).then().statusCode(200);
    }

    @Test
    void shouldDeleteArticleThatHasCommentsFavoritesAndTags() {
        Registered author = register("writer");
        Registered fan = register("fan");
        String slug = publish(author, "Well loved " + token(), unique("loved"));
        favorite(fan, slug);
        comment(fan, slug, "Great!");

        as(author).delete("/api/articles/{slug}", slug).then().statusCode(204);

        anonymous().get("/api/articles/{slug}", slug).then().statusCode(404);
        anonymous().queryParam("favorited", fan.username()).get("/api/articles")
                .then().statusCode(200).body("articlesCount", equalTo(0));
    }
}
