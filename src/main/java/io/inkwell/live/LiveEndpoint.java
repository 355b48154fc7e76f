package io.inkwell.live;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.buffer.Buffer;

/**
 * {@code /api/live}: comments on followed articles for everyone, the user's notifications for the
 * signed-in. The token comes with the upgrade request: {@code Authorization: Token <jwt>}, or, from a
 * browser, as the subprotocol {@code quarkus-http-upgrade#Authorization#Token%20<jwt>} next to
 * {@code inkwell-live} (see README, "Live updates"). A bad message gets an error message back; the
 * connection stays open.
 */
@WebSocket(path = "/api/live")
class LiveEndpoint {

    /** RFC 6455: the connection broke a rule of the endpoint (too many connections, token expired). */
    static final int POLICY_VIOLATION = 1008;
    static final int MESSAGE_TOO_BIG = 1009;
    private static final int MAX_SLUG = 200;

    @Inject
    SecurityIdentity identity;

    @Inject
    LiveConnections connections;

    @Inject
    LiveSubscriptions subscriptions;

    @Inject
    ObjectMapper json;

    @OnOpen
    @Blocking
    void open(WebSocketConnection connection) {
        JsonWebToken token = !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getSubject() != null ? jwt : null;
        if (connections.open(connection, token).isEmpty()) {
            send(connection, new LiveMessages.Error("too many open connections", null));
            connection.close(new CloseReason(POLICY_VIOLATION, "too many open connections")).subscribe().with(ok -> {
            }, failure -> {
            });
            return;
        }
        send(connection, new LiveMessages.Connected(token == null ? null : token.getName()));
    }

    @OnTextMessage
    @Blocking
    void message(WebSocketConnection connection, String text) {
        LiveConnections.Client client = connections.get(connection.id());
        if (client == null) {
            return; // refused at open, closing
        }
        client.heard();
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (JsonProcessingException e) {
            send(connection, new LiveMessages.Error("message is not valid JSON", null));
            return;
        }
        String type = message != null && message.path("type").isTextual() ? message.path("type").asText() : null;
        String slug = message != null && message.path("article").isTextual() ? message.path("article").asText() : null;
        if (!"subscribe".equals(type) && !"unsubscribe".equals(type)) {
            send(connection, new LiveMessages.Error("unknown message type; send subscribe or unsubscribe", null));
        } else if (slug == null || slug.isBlank() || slug.length() > MAX_SLUG) {
            send(connection, new LiveMessages.Error("\"article\" must be an article's slug", null));
        } else if ("subscribe".equals(type)) {
            send(connection, subscriptions.subscribe(client, slug));
        } else {
            send(connection, subscriptions.unsubscribe(client, slug));
        }
    }

    @OnPongMessage
    void pong(WebSocketConnection connection, Buffer data) {
        LiveConnections.Client client = connections.get(connection.id());
        if (client != null) {
            client.heard();
        }
    }

    /** A message over the size limit closes the connection (1009); anything else unexpected is answered. */
    @OnError
    void failed(WebSocketConnection connection, Throwable failure) {
        if (String.valueOf(failure.getMessage()).contains("max message size")) {
            connection.close(new CloseReason(MESSAGE_TOO_BIG, "message too large")).subscribe().with(ok -> {
            }, ignored -> {
            });
        } else {
            send(connection, new LiveMessages.Error("the message could not be handled", null));
        }
    }

    @OnClose
    void close(WebSocketConnection connection) {
        connections.close(connection.id());
    }

    private void send(WebSocketConnection connection, Object message) {
        connection.sendText(LiveMessages.toJson(json, message)).subscribe().with(ok -> {
        }, failure -> {
        });
    }
}
