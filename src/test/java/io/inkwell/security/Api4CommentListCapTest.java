package io.inkwell.security;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.inkwell.article.Article;
import io.inkwell.comment.CommentPage;
import io.inkwell.support.Api.Registered;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** API4: an unpaged comment list stops at the documented cap and says where the rest begins. */
@QuarkusTest
class Api4CommentListCapTest {

    @Test
    void shouldStopAnUnpagedListAtTheCapWithACursorToTheRest() {
        Registered alice = register("chatty");
        String slug = publish(alice, "Very long conversation");
        int total = CommentPage.UNPAGED_MAX + 3;
        QuarkusTransaction.requiringNew().run(() -> Article.getEntityManager().createNativeQuery("""
                INSERT INTO comments (article_id, author_id, body, created_at, updated_at)
                SELECT a.id, a.author_id, 'comment ' || n, now() + n * interval '1 millisecond',
                       now() + n * interval '1 millisecond'
                FROM articles a, generate_series(1, ?2) AS n WHERE a.slug = ?1""")
                .setParameter(1, slug).setParameter(2, total).executeUpdate());

        JsonPath first = anonymous().get("/api/articles/{slug}/comments", slug).then().statusCode(200)
                .extract().jsonPath();
        JsonPath rest = anonymous().queryParam("cursor", first.getString("nextCursor"))
                .get("/api/articles/{slug}/comments", slug).then().statusCode(200).extract().jsonPath();

        assertThat(first.getList("comments")).hasSize(CommentPage.UNPAGED_MAX);
        assertThat(first.getString("nextCursor")).isNotBlank();
        assertThat(rest.getList("comments.body", String.class))
                .containsExactly("comment " + (total - 2), "comment " + (total - 1), "comment " + total);
        assertThat(rest.getString("nextCursor")).isNull();
    }
}
