package io.inkwell.live;

import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.comment;
import static io.inkwell.support.Api.follow;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.inkwell.common.persistence.Jdbc;
import io.inkwell.support.Api;
import io.inkwell.support.Api.Registered;
import io.inkwell.support.LiveClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

/** /api/live on one replica, with the JDK's WebSocket client; limits as set for the test profile. */
@QuarkusTest
class LiveEndpointTest {

    @Inject
    Jdbc jdbc;

    private static URI live() {
        return LiveClient.uri(RestAssured.port);
    }

    @Test
    void shouldLetAnAnonymousClientFollowAnArticlesCommentsAsTheyComeAndGo() {
        Registered author = register("lauthor");
        Registered reader = register("lreader");
        String slug = publish(author, Api.unique("Live"));
        try (LiveClient client = LiveClient.connect(live(), null)) {
            assertThat(client.await(m -> "connected".equals(m.getString("type"))).getValue("user")).isNull();
            client.subscribe(slug);

            long id = comment(reader, slug, "Hot take");
            JsonObject posted = client.await(m -> "comment".equals(m.getString("type")));
            assertThat(posted.getString("article")).isEqualTo(slug);
            JsonObject shape = as(reader).get("/api/articles/{slug}/comments", slug).then().statusCode(200)
                    .extract().jsonPath().getJsonObject("comments[0]") instanceof Map<?, ?> map ? new JsonObject((Map<String, Object>) map) : null;
            assertThat(posted.getJsonObject("comment").getMap()).isEqualTo(shape.getMap());

            as(reader).delete("/api/articles/{slug}/comments/{id}", slug, id).then().statusCode(204);
            JsonObject deleted = client.await(m -> "comment-deleted".equals(m.getString("type")));
            assertThat(deleted.getString("article")).isEqualTo(slug);
            assertThat(deleted.getLong("id")).isEqualTo(id);
        }
    }

    @Test
    void shouldPushNotificationsToTheSignedInUserShapedAsInTheList() {
        Registered author = register("lnote");
        try (LiveClient client = LiveClient.connect(live(), author.token())) {
            assertThat(client.await(m -> "connected".equals(m.getString("type"))).getString("user")).isEqualTo(author.username());
            Registered fan = register("lfan");
            follow(fan, author);

            JsonObject pushed = client.await(m -> "notification".equals(m.getString("type"))).getJsonObject("notification");
            JsonPath listed = as(author).get("/api/notifications").then().statusCode(200).extract().jsonPath();
            assertThat(pushed.getMap()).isEqualTo(listed.getMap("notifications[0]"));
            assertThat(pushed.getString("type")).isEqualTo("follow");
        }
    }

    @Test
    void shouldTakeTheTokenFromASubprotocolForBrowsersAndMarkFollowedAuthors() {
        Registered author = register("lbrowser");
        Registered viewer = register("lviewer");
        follow(viewer, author);
        String slug = publish(author, Api.unique("Followed"));
        try (LiveClient client = LiveClient.connectAsBrowser(live(), viewer.token())) {
            assertThat(client.subprotocol()).isEqualTo("inkwell-live");
            assertThat(client.await(m -> "connected".equals(m.getString("type"))).getString("user")).isEqualTo(viewer.username());
            client.subscribe(slug);

            comment(author, slug, "Author here");
            JsonObject posted = client.await(m -> "comment".equals(m.getString("type")));
            assertThat(posted.getJsonObject("comment").getJsonObject("author").getBoolean("following")).isTrue();
        }
    }

    @Test
    void shouldRefuseAnInvalidTokenAtTheUpgrade() {
        assertThatThrownBy(() -> LiveClient.connect(live(), "not.a.jwt"))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
    }

    @Test
    void shouldAnswerBadMessagesWithAnErrorAndStayUsable() {
        String slug = publish(register("lbad"), Api.unique("Sturdy"));
        try (LiveClient client = LiveClient.connect(live(), null)) {
            client.send("{not json");
            assertThat(client.await(m -> "error".equals(m.getString("type"))).getString("error")).contains("JSON");
            client.send("{\"type\":\"dance\"}");
            client.await(m -> "error".equals(m.getString("type")) && m.getString("error").contains("unknown message type"));
            client.send("[1,2,3]");
            client.send("{\"type\":\"subscribe\",\"article\":42}");
            client.await(m -> "error".equals(m.getString("type")) && m.getString("error").contains("slug"));
            client.send("{\"type\":\"subscribe\",\"article\":\"no-such-article-anywhere\"}");
            JsonObject unknown = client.await(m -> "no-such-article-anywhere".equals(m.getString("article")));
            assertThat(unknown.getString("type")).isEqualTo("error");
            assertThat(unknown.getString("error")).isEqualTo("article not found");

            client.subscribe(slug);
            client.send(new JsonObject().put("type", "unsubscribe").put("article", slug).encode());
            client.await(m -> "unsubscribed".equals(m.getString("type")));
        }
    }

    @Test
    void shouldLimitSubscriptionsPerConnection() {
        Registered author = register("lsubs");
        try (LiveClient client = LiveClient.connect(live(), null)) {
            for (int i = 0; i < 3; i++) { // %test.inkwell.live.max-subscriptions
                client.subscribe(publish(author, Api.unique("Many")));
            }
            String fourth = publish(author, Api.unique("Toomany"));
            client.send(new JsonObject().put("type", "subscribe").put("article", fourth).encode());
            JsonObject refused = client.await(m -> fourth.equals(m.getString("article")));
            assertThat(refused.getString("error")).isEqualTo("too many subscriptions on this connection");
        }
    }

    @Test
    void shouldLimitConnectionsPerUser() {
        Registered user = register("lconn");
        try (LiveClient first = LiveClient.connect(live(), user.token());
                LiveClient second = LiveClient.connect(live(), user.token());
                LiveClient third = LiveClient.connect(live(), user.token())) {
            first.await(m -> "connected".equals(m.getString("type")));
            second.await(m -> "connected".equals(m.getString("type")));
            assertThat(third.await(m -> "error".equals(m.getString("type"))).getString("error")).isEqualTo("too many open connections");
            assertThat(third.awaitClosed(Duration.ofSeconds(30))).isEqualTo(1008);
        }
    }

    @Test
    void shouldCloseAConnectionWithATooLargeMessage() {
        try (LiveClient client = LiveClient.connect(live(), null)) {
            client.await(m -> "connected".equals(m.getString("type")));
            client.send("{\"type\":\"subscribe\",\"article\":\"" + "x".repeat(5000) + "\"}");
            assertThat(client.awaitClosed(Duration.ofSeconds(30))).isEqualTo(1009);
        }
    }

    @Test
    void shouldCloseAConnectionWhenItsTokenExpires() {
        Registered user = register("lexpiry");
        long id = jdbc.query("SELECT id FROM users WHERE username = ?", List.of(user.username()), rows -> {
            rows.next();
            return rows.getLong(1);
        });
        String shortLived = Jwt.issuer("inkwell").audience("inkwell").subject(Long.toString(id)).upn(user.username()).expiresIn(3).sign();
        try (LiveClient client = LiveClient.connect(live(), shortLived)) {
            client.await(m -> "connected".equals(m.getString("type")));
            assertThat(client.awaitClosed(Duration.ofSeconds(30))).isEqualTo(1008);
        }
    }

    @Test
    void shouldCloseOnlyTheConnectionWhoseSessionEnded() {
        Registered user = register("lsession");
        String otherSession = Api.anonymous()
                .body(Map.of("user", Map.of("email", user.email(), "password", Api.PASSWORD)))
                .post("/api/users/login").then().statusCode(200).extract().path("user.token");
        try (LiveClient loggingOut = LiveClient.connect(live(), user.token());
                LiveClient staying = LiveClient.connect(live(), otherSession)) {
            loggingOut.await(m -> "connected".equals(m.getString("type")));
            staying.await(m -> "connected".equals(m.getString("type")));

            as(user).post("/api/users/logout").then().statusCode(204);

            assertThat(loggingOut.awaitClosed(Duration.ofSeconds(30))).as("closed within the %test session check (500 ms)").isEqualTo(1008);
            staying.send(new JsonObject().put("type", "subscribe").put("article", Api.unique("no-such-article")).encode());
            assertThat(staying.await(m -> "error".equals(m.getString("type"))).getString("error")).contains("article");
        }
    }

    @Test
    void shouldCloseAConnectionThatAnswersNoPings() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/live HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(60_000);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            boolean closeFrameSeen = false;
            // Read (and never answer) until the server sends a close frame (opcode 8) or hangs up.
            for (int read; !closeFrameSeen && (read = in.read(buffer)) > 0;) {
                for (int i = 0; i < read; i++) {
                    if ((buffer[i] & 0xff) == 0x88) {
                        closeFrameSeen = true;
                    }
                }
            }
            assertThat(closeFrameSeen).as("closed by the idle timeout (%test: 4 s, pings every 1 s)").isTrue();
        }
    }
}
