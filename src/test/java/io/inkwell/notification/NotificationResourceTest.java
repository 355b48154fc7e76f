package io.inkwell.notification;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.comment;
import static io.inkwell.support.Api.favorite;
import static io.inkwell.support.Api.follow;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.inkwell.common.persistence.Jdbc;
import io.inkwell.support.Api;
import io.inkwell.support.Api.Registered;
import io.inkwell.support.Await;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Notifications as their recipients see them, built by the event pipeline from real writes. */
@QuarkusTest
class NotificationResourceTest {

    @Inject
    Jdbc jdbc;

    @Test
    void shouldNotifyOfAFollowerACommentAFavoriteAndAnArticleByAFollowedAuthor() {
        Registered author = register("nauthor");
        Registered reader = register("nreader");
        follow(reader, author);
        String slug = publish(author, Api.unique("Noteworthy"));
        long commentId = comment(reader, slug, "Well put");
        favorite(reader, slug);

        JsonPath forAuthor = awaitNotifications(author, 3);
        assertThat(forAuthor.getList("notifications.type")).containsExactly("favorite", "comment", "follow");
        assertThat(forAuthor.getInt("unreadCount")).isEqualTo(3);
        assertThat(forAuthor.getString("nextCursor")).isNull();
        assertThat(forAuthor.getList("notifications.actor.username")).containsOnly(reader.username());
        assertThat(forAuthor.getList("notifications.actor.following")).containsOnly(false);
        assertThat(forAuthor.getList("notifications.read")).containsOnly(false);
        assertThat(forAuthor.getString("notifications[1].article.slug")).isEqualTo(slug);
        assertThat(forAuthor.getLong("notifications[1].comment.id")).isEqualTo(commentId);
        assertThat(forAuthor.getString("notifications[1].comment.body")).isEqualTo("Well put");
        assertThat(forAuthor.getMap("notifications[2]")).containsEntry("article", null).containsEntry("comment", null);
        assertThat(forAuthor.getString("notifications[0].createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        JsonPath forReader = awaitNotifications(reader, 1);
        assertThat(forReader.getString("notifications[0].type")).isEqualTo("article");
        assertThat(forReader.getString("notifications[0].actor.username")).isEqualTo(author.username());
        assertThat(forReader.getBoolean("notifications[0].actor.following")).isTrue();
    }

    @Test
    void shouldNeverNotifyAnyoneOfTheirOwnActions() {
        Registered author = register("nself");
        Registered other = register("nother");
        String slug = publish(author, Api.unique("Self"));
        comment(author, slug, "Talking to myself");
        favorite(author, slug);
        follow(other, author);

        Await.until("every event about the article handled", () -> jdbc.query("""
                SELECT count(*) FROM outbox_events e JOIN articles a ON a.id = (e.payload->>'articleId')::bigint
                WHERE a.slug = ? AND e.completed_at IS NULL""", List.of(slug), rows -> rows.next() && rows.getLong(1) == 0));
        JsonPath page = awaitNotifications(author, 1);
        assertThat(page.getList("notifications.type")).containsExactly("follow");
    }

    @Test
    void shouldDropNotificationsOfDeletedCommentsAndArticles() {
        Registered author = register("ndel");
        Registered reader = register("ndelreader");
        String slug = publish(author, Api.unique("Doomed"));
        long commentId = comment(reader, slug, "Regrettable");
        awaitNotifications(author, 1);

        as(reader).delete("/api/articles/{slug}/comments/{id}", slug, commentId).then().statusCode(204);
        assertThat(list(author).getList("notifications")).isEmpty();

        favorite(reader, slug);
        awaitNotifications(author, 1);
        as(author).delete("/api/articles/{slug}", slug).then().statusCode(204);
        assertThat(list(author).getList("notifications")).isEmpty();
    }

    @Test
    void shouldNotifyOfARepeatedFollowOnce() {
        Registered followed = register("nonce");
        Registered fickle = register("nfickle");
        follow(fickle, followed);
        awaitNotifications(followed, 1);
        as(fickle).delete("/api/profiles/{username}/follow", followed.username()).then().statusCode(200);
        follow(fickle, followed);
        Registered later = register("nlater");
        follow(later, followed);

        JsonPath page = awaitNotifications(followed, 2);
        assertThat(page.getList("notifications.actor.username")).containsExactly(later.username(), fickle.username());
    }

    @Test
    void shouldPageNewestFirstWithAnOpaqueCursor() {
        Registered popular = register("npop");
        List<String> followers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Registered follower = register("nfan");
            follow(follower, popular);
            followers.add(0, follower.username());
        }
        awaitNotifications(popular, 5);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(popular).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/notifications").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("notifications.actor.username"));
            assertThat(page.getInt("unreadCount")).isEqualTo(5);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(followers);
    }

    @Test
    void shouldRefuseBadPagingWith422() {
        Registered user = register("nbad");
        as(user).queryParam("cursor", "not-a-cursor").get("/api/notifications")
                .then().statusCode(422).body("errors.cursor", not(emptyOrNullString()));
        as(user).queryParam("cursor", "LTE").get("/api/notifications").then().statusCode(422); // "-1"
        as(user).queryParam("limit", 0).get("/api/notifications").then().statusCode(422).body("errors.limit", not(emptyOrNullString()));
        as(user).queryParam("limit", 101).get("/api/notifications").then().statusCode(422);
        as(user).queryParam("limit", "x").get("/api/notifications").then().statusCode(422);
        anonymous().get("/api/notifications").then().statusCode(401);
    }

    @Test
    void shouldMarkOnlyTheCallersOwnNotificationsRead() {
        Registered author = register("nread");
        Registered stranger = register("nstranger");
        follow(register("nr1"), author);
        follow(register("nr2"), author);
        JsonPath page = awaitNotifications(author, 2);
        String newest = page.getString("notifications[0].id");

        as(stranger).body(Map.of("ids", List.of(newest))).post("/api/notifications/read").then().statusCode(204);
        assertThat(list(author).getInt("unreadCount")).isEqualTo(2);

        as(author).body(Map.of("ids", List.of(newest))).post("/api/notifications/read").then().statusCode(204);
        JsonPath after = list(author);
        assertThat(after.getInt("unreadCount")).isEqualTo(1);
        assertThat(after.getList("notifications.read")).containsExactly(true, false);

        as(author).body(Map.of("all", true)).post("/api/notifications/read").then().statusCode(204);
        assertThat(list(author).getInt("unreadCount")).isZero();
    }

    @Test
    void shouldRefuseAMalformedReadRequest() {
        Registered user = register("nmal");
        as(user).body("{}").post("/api/notifications/read").then().statusCode(422).body("errors.body", not(emptyOrNullString()));
        as(user).body(Map.of("ids", List.of("1"), "all", true)).post("/api/notifications/read").then().statusCode(422);
        as(user).body(Map.of("ids", List.of())).post("/api/notifications/read").then().statusCode(422);
        as(user).body(Map.of("ids", List.of("abc"))).post("/api/notifications/read").then().statusCode(422);
        as(user).body(Map.of("ids", List.of(1))).post("/api/notifications/read").then().statusCode(400);
        anonymous().body(Map.of("all", true)).post("/api/notifications/read").then().statusCode(401)
                .body("errors.token[0]", equalTo("is missing"));
    }

    static JsonPath list(Registered user) {
        return as(user).get("/api/notifications").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitNotifications(Registered user, int count) {
        return Await.value(count + " notifications for " + user.username(), Await.PATIENCE, () -> list(user),
                page -> page.getList("notifications").size() >= count);
    }
}
