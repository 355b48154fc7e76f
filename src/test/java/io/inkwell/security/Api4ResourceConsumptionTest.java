package io.inkwell.security;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.comment;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * API4 (unrestricted resource consumption): every answer and every request is bounded. Bodies over
 * 1 MB get 413, lists at most 100 per page, an article 20 tags; comment lists page by keyset cursor
 * and, unpaged (as Conduit front ends ask), stop at a documented cap.
 */
@QuarkusTest
class Api4ResourceConsumptionTest {

    @Test
    void shouldRefuseBodiesOverOneMegabyte() {
        anonymous().body("{\"user\":{\"bio\":\"" + "a".repeat(1024 * 1024) + "\"}}").post("/api/users")
                .then().statusCode(413);
    }

    @Test
    void shouldBoundListPagesAndTags() {
        Registered alice = register("bounded");

        anonymous().queryParam("limit", 101).get("/api/articles").then().statusCode(422);
        as(alice).queryParam("limit", 1000).get("/api/articles/feed").then().statusCode(422);
        as(alice).body(Map.of("article", Map.of("title", "Tag flood", "description", "d", "body", "b",
                        "tagList", Collections.nCopies(21, "t").stream().map(t -> t + Math.random()).toList())))
                .post("/api/articles").then().statusCode(422);
    }

    @Test
    void shouldPageCommentsByCursorInOrderWithoutGapsOrRepeats() {
        Registered alice = register("pager");
        String slug = publish(alice, "Paged conversation");
        List<Long> written = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            written.add(comment(alice, slug, "comment " + i));
        }

        List<Long> read = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = anonymous().queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/articles/{slug}/comments", slug)
                    .then().statusCode(200).extract().jsonPath();
            read.addAll(page.getList("comments.id", Long.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(read).containsExactlyElementsOf(written);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void shouldListAllCommentsWithoutPagingParametersAsConduitClientsExpect() {
        Registered alice = register("conduit");
        String slug = publish(alice, "Unpaged conversation");
        comment(alice, slug, "one");
        comment(alice, slug, "two");

        anonymous().get("/api/articles/{slug}/comments", slug)
                .then().statusCode(200)
                .body("comments.body", contains("one", "two"))
                .body("nextCursor", nullValue());
    }

    @Test
    void shouldRefuseBadPagingParameters() {
        Registered alice = register("pager");
        String slug = publish(alice, "Bad paging");

        anonymous().queryParam("limit", 0).get("/api/articles/{slug}/comments", slug).then().statusCode(422)
                .body("errors.limit", contains("must be between 1 and 100"));
        anonymous().queryParam("limit", 101).get("/api/articles/{slug}/comments", slug).then().statusCode(422);
        anonymous().queryParam("cursor", "not a cursor").get("/api/articles/{slug}/comments", slug)
                .then().statusCode(422).body("errors.cursor", contains("is invalid"));
    }
}
