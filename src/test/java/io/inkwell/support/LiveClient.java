package io.inkwell.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.vertx.core.json.JsonObject;

/**
 * A client of /api/live (the JDK's WebSocket client, which answers pings by itself): keeps every
 * message received, each stamped with its arrival time, and how the server closed the connection.
 */
public final class LiveClient implements AutoCloseable {

    /** A message and when it arrived ({@link System#nanoTime()}). */
    public record Received(JsonObject message, long atNanos) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    private final List<Received> seen = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    private LiveClient() {
    }

    public static URI uri(int port) {
        return URI.create("ws://localhost:" + port + "/api/live");
    }

    /** Anonymous, or with {@code Authorization: Token <jwt>} on the upgrade request. */
    public static LiveClient connect(URI uri, String token) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("Authorization", "Token " + token);
        }
        return open(builder, uri);
    }

    /** As a browser must: the token in a subprotocol next to "inkwell-live", never in the URL. */
    public static LiveClient connectAsBrowser(URI uri, String token) {
        String carrier = "quarkus-http-upgrade#Authorization#" + java.net.URLEncoder.encode("Token " + token,
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return open(HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20)).subprotocols("inkwell-live", carrier), uri);
    }

    private static LiveClient open(WebSocket.Builder builder, URI uri) {
        LiveClient client = new LiveClient();
        client.socket = builder.buildAsync(uri, client.listener()).orTimeout(30, TimeUnit.SECONDS).join();
        return client;
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public void send(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    public void subscribe(String slug) {
        send(new JsonObject().put("type", "subscribe").put("article", slug).encode());
        await(m -> "subscribed".equals(m.getString("type")) && slug.equals(m.getString("article")));
    }

    public JsonObject await(Predicate<JsonObject> match) {
        return awaitReceived(match, Await.PATIENCE).message();
    }

    /** The first message (received before or from now on) that {@code match} accepts. */
    public synchronized Received awaitReceived(Predicate<JsonObject> match, Duration limit) {
        for (Received received : seen) {
            if (match.test(received.message())) {
                return received;
            }
        }
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (true) {
                Received next = inbox.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("No matching live message within " + limit.toSeconds() + " s; received " + seen);
                }
                seen.add(next);
                if (match.test(next.message())) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The close code the server sent, waiting up to {@code limit}. */
    public int awaitClosed(Duration limit) {
        return closed.orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    inbox.add(new Received(new JsonObject(partial.toString()), System.nanoTime()));
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(-1);
            }

            @Override
            public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
                webSocket.request(1);
                return null; // the client answers with a pong by itself
            }
        };
    }
}
