package io.inkwell.comment;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.comment;
import static io.inkwell.support.Api.follow;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CommentResourceTest {

    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    private static Map<String, Object> commentBody(String body) {
        return Map.of("comment", Map.of("body", body));
    }

    @Test
    void shouldReturn200WithTheCommentWhenCommenting() {
        Registered author = register("author");
        Registered reader = register("reader");
        String slug = publish(author, "Discuss");

        as(reader).body(commentBody("Thank you so much!"))
                .post("/api/articles/{slug}/comments", slug)
                .then().statusCode(200)
                .body("comment.id", notNullValue())
                .body("comment.body", equalTo("Thank you so much!"))
                .body("comment.createdAt", matchesPattern(TIMESTAMP))
                .body("comment.updatedAt", matchesPattern(TIMESTAMP))
                .body("comment.author.username", equalTo(reader.username()))
                .body("comment.author.bio", nullValue())
                .body("comment.author.image", nullValue())
                .body("comment.author.following", equalTo(false));
    }

    @Test
    void shouldListCommentsOldestFirstWithoutSigningIn() {
        Registered author = register("author");
        Registered reader = register("reader");
        String slug = publish(author, "Conversation");
        long first = comment(reader, slug, "first");
        long second = comment(author, slug, "second");
        long third = comment(reader, slug, "third");

        anonymous().get("/api/articles/{slug}/comments", slug)
                .then().statusCode(200)
                .body("comments.id", contains((int) first, (int) second, (int) third))
                .body("comments.body", contains("first", "second", "third"))
                .body("comments.author.username", contains(reader.username(), author.username(), reader.username()))
                .body("comments.author.following", contains(false, false, false))
                .body("comments.createdAt[0]", matchesPattern(TIMESTAMP));
    }

    @Test
    void shouldShowWhetherViewerFollowsCommentAuthors() {
        Registered author = register("author");
        Registered followed = register("followed");
        Registered viewer = register("viewer");
        String slug = publish(author, "Followed voices");
        comment(followed, slug, "by followed");
        comment(author, slug, "by author");
        follow(viewer, followed);

        as(viewer).get("/api/articles/{slug}/comments", slug)
                .then().statusCode(200)
                .body("comments.author.following", contains(true, false));
    }

    @Test
    void shouldReturnEmptyListForArticleWithoutComments() {
        Registered author = register("author");
        String slug = publish(author, "Quiet");

        anonymous().get("/api/articles/{slug}/comments", slug)
                .then().statusCode(200).body("comments", empty());
    }

    @Test
    void shouldReturn204AndRemoveCommentWhenItsAuthorDeletesIt() {
        Registered author = register("author");
        Registered reader = register("reader");
        String slug = publish(author, "Retracted");
        long kept = comment(author, slug, "kept");
        long retracted = comment(reader, slug, "oops");

        as(reader).delete("/api/articles/{slug}/comments/{id}", slug, retracted).then().statusCode(204);

        anonymous().get("/api/articles/{slug}/comments", slug)
                .then().statusCode(200)
                .body("comments.id", contains((int) kept));
        as(reader).delete("/api/articles/{slug}/comments/{id}", slug, retracted)
                .then().statusCode(404).body("errors.comment", contains("not found"));
    }

    @Test
    void shouldReturn403WhenSomeoneElseDeletesComment() {
        Registered author = register("author");
        Registered commenter = register("commenter");
        String slug = publish(author, "Not your comment");
        long id = comment(commenter, slug, "mine");

        as(author).delete("/api/articles/{slug}/comments/{id}", slug, id)
                .then().statusCode(403)
                .body("errors.comment", hasSize(1));

        anonymous().get("/api/articles/{slug}/comments", slug)
                .then().statusCode(200).body("comments.id", contains((int) id));
    }

    @Test
    void shouldReturn404WhenDeletingUnknownComment() {
        Registered author = register("author");
        String slug = publish(author, "No such comment");

        as(author).delete("/api/articles/{slug}/comments/{id}", slug, Long.MAX_VALUE)
                .then().statusCode(404).body("errors.comment", contains("not found"));
    }

    @Test
    void shouldReturn404WhenCommentIdIsNotANumber() {
        Registered author = register("author");
        String slug = publish(author, "Odd ids");

        as(author).delete("/api/articles/{slug}/comments/{id}", slug, "abc")
                .then().statusCode(404).body("errors.comment", contains("not found"));
        as(author).delete("/api/articles/{slug}/comments/{id}", slug, "99999999999999999999999")
                .then().statusCode(404).body("errors.comment", contains("not found"));
    }

    @Test
    void shouldReturn404WhenCommentBelongsToAnotherArticle() {
        Registered author = register("author");
        String here = publish(author, "Here");
        String there = publish(author, "There");
        long id = comment(author, there, "on the other article");

        as(author).delete("/api/articles/{slug}/comments/{id}", here, id)
                .then().statusCode(404).body("errors.comment", contains("not found"));

        anonymous().get("/api/articles/{slug}/comments", there)
                .then().statusCode(200).body("comments.id", contains((int) id));
    }

    @Test
    void shouldReturn422WhenCommentBodyBlank() {
        Registered author = register("author");
        String slug = publish(author, "Say something");

        as(author).body(commentBody("  \n "))
                .post("/api/articles/{slug}/comments", slug)
                .then().statusCode(422)
                .body("errors.body", contains("can't be blank"));
        as(author).body(Map.of())
                .post("/api/articles/{slug}/comments", slug)
                .then().statusCode(422)
                .body("errors.comment", contains("can't be blank"));

        anonymous().get("/api/articles/{slug}/comments", slug).then().body("comments", empty());
    }

    @Test
    void shouldReturn401WhenCommentingOrDeletingWithoutToken() {
        Registered author = register("author");
        String slug = publish(author, "Members only");
        long id = comment(author, slug, "stays");

        anonymous().body(commentBody("anonymous"))
                .post("/api/articles/{slug}/comments", slug)
                .then().statusCode(401).body("errors.token", contains("is missing"));
        anonymous().delete("/api/articles/{slug}/comments/{id}", slug, id)
                .then().statusCode(401).body("errors.token", contains("is missing"));

        anonymous().get("/api/articles/{slug}/comments", slug)
                .then().statusCode(200).body("comments.body", contains("stays"));
    }

    @Test
    void shouldReturn404ForCommentsOfUnknownArticle() {
        Registered user = register("user");

        anonymous().get("/api/articles/{slug}/comments", "no-such-article-for-comments")
                .then().statusCode(404).body("errors.article", contains("not found"));
        as(user).body(commentBody("hello"))
                .post("/api/articles/{slug}/comments", "no-such-article-for-comments")
                .then().statusCode(404).body("errors.article", contains("not found"));
    }
}
