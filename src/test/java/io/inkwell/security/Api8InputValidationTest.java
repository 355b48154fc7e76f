package io.inkwell.security;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;

/**
 * API8 (security misconfiguration): input is checked before it reaches the database. NUL and other
 * control characters are a 422 in every text field; tags are printable text on one line; SQL
 * injection attempts are data like any other.
 */
@QuarkusTest
class Api8InputValidationTest {

    private static final String NUL = "a\u0000b";
    private static final String PLAIN = "must not contain control characters such as NUL";
    private static final String PRINTABLE = "must be printable text on one line (no control or invisible characters)";

    @Test
    void shouldRefuseNulInEveryTextFieldOfTheUser() {
        Registered alice = register("nul");

        for (String field : List.of("bio", "password")) {
            as(alice).body(Map.of("user", Map.of(field, NUL + " long enough"))).put("/api/user")
                    .then().statusCode(422).body("errors." + field, hasItem(PLAIN));
        }
        for (String field : List.of("email", "image")) {
            as(alice).body(Map.of("user", Map.of(field, NUL))).put("/api/user")
                    .then().statusCode(422).body("errors." + field, hasItem(PRINTABLE));
        }
        as(alice).body(Map.of("user", Map.of("username", NUL))).put("/api/user")
                .then().statusCode(422).body("errors.username", contains("is invalid"));
        anonymous().body(Map.of("user", Map.of("email", alice.email(), "password", NUL))).post("/api/users/login")
                .then().statusCode(422).body("errors.password", contains(PLAIN));
    }

    @Test
    void shouldRefuseNulInEveryTextFieldOfArticlesAndComments() {
        Registered alice = register("nul");
        String slug = publish(alice, "Clean text");

        for (String field : List.of("title", "description", "body")) {
            Map<String, Object> article = new HashMap<>(Map.of("title", "t", "description", "d", "body", "b"));
            article.put(field, NUL);
            as(alice).body(Map.of("article", article)).post("/api/articles")
                    .then().statusCode(422).body("errors." + field, contains(PLAIN));
            as(alice).body(Map.of("article", Map.of(field, NUL))).put("/api/articles/{slug}", slug)
                    .then().statusCode(422).body("errors." + field, contains(PLAIN));
        }
        as(alice).body(Map.of("comment", Map.of("body", NUL))).post("/api/articles/{slug}/comments", slug)
                .then().statusCode(422).body("errors.body", contains(PLAIN));
    }

    @Test
    void shouldKeepLineBreaksAndTabsInLongText() {
        Registered alice = register("text");

        as(alice).body(Map.of("article", Map.of("title", "Lines", "description", "d",
                        "body", "first line\r\nsecond\tcolumn\n\u05E9\u05DC\u05D5\u05DD \u200F!")))
                .post("/api/articles").then().statusCode(201);
    }

    @Test
    void shouldAcceptOnlyPrintableOneLineTags() {
        Registered alice = register("tags");
        for (String tag : new String[] { "new\nline", "carriage\rreturn", "tab\tbed", "nul\u0000", "bell\u0007",
                "zero\u200Bwidth", "\u202Ereversed", "del\u007F", "private\uE000use" }) {
            as(alice).body(Map.of("article", Map.of("title", "Bad tag", "description", "d", "body", "b",
                            "tagList", List.of("fine", tag))))
                    .post("/api/articles")
                    .then().statusCode(422).body("errors.tagList", contains(PRINTABLE));
        }

        as(alice).body(Map.of("article", Map.of("title", "Good tags", "description", "d", "body", "b",
                        "tagList", List.of("c++", "naïve café", "日本語", "emoji 🚀"))))
                .post("/api/articles").then().statusCode(201);
    }

    @Test
    void shouldTreatSqlInjectionAttemptsAsPlainData() {
        Registered alice = register("sqli");
        String slug = publish(alice, "Still here", "kept");
        String[] attempts = { "' OR '1'='1", "x'; DROP TABLE articles; --", "\" OR 1=1 --", "1) OR (1=1",
                "%' UNION SELECT password_hash FROM users --" };

        for (String attempt : attempts) {
            anonymous().queryParam("tag", attempt).get("/api/articles")
                    .then().statusCode(200).body("articlesCount", equalTo(0));
            anonymous().queryParam("author", attempt).queryParam("favorited", attempt).get("/api/articles")
                    .then().statusCode(200).body("articlesCount", equalTo(0));
            anonymous().get("/api/articles/{slug}", attempt).then().statusCode(404);
            anonymous().get("/api/profiles/{username}", attempt).then().statusCode(404);
        }
        String title = "' OR 1=1; -- " + unique("title");
        as(alice).body(Map.of("article", Map.of("title", title, "description", "d", "body", "b",
                        "tagList", List.of("'; DROP TABLE tags; --"))))
                .post("/api/articles").then().statusCode(201).body("article.title", equalTo(title));

        anonymous().get("/api/articles/{slug}", slug).then().statusCode(200).body("article.tagList", contains("kept"));
        assertThat(anonymous().get("/api/tags").then().statusCode(200).extract().<List<String>>path("tags"))
                .contains("kept", "'; DROP TABLE tags; --");
    }
}
