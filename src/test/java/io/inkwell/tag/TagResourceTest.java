package io.inkwell.tag;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TagResourceTest {

    @Test
    void shouldListTagsInUseWithoutSigningIn() {
        Registered author = register("tagger");
        String dragons = unique("dragons");
        String training = unique("training");
        publish(author, "How to train your dragon", dragons, training);

        anonymous().get("/api/tags")
                .then().statusCode(200)
                .body("tags", hasItems(dragons, training));
    }

    @Test
    void shouldForgetTagsOfDeletedArticles() {
        Registered author = register("tagger");
        String fleeting = unique("fleeting");
        String slug = publish(author, "Here today", fleeting);

        io.inkwell.support.Api.as(author).delete("/api/articles/{slug}", slug).then().statusCode(204);

        anonymous().get("/api/tags").then().statusCode(200).body("tags", not(hasItem(fleeting)));
    }
}
