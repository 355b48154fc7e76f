package io.inkwell.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live delivery under load: while the mix runs, a reader posts a comment every {@link #PACE} and a
 * WebSocket client subscribed to that article times each one from just before the POST to its
 * arrival. Recorded as the {@code live-delivery} line; a comment not delivered within
 * {@link #GIVE_UP} counts as failed.
 */
final class LiveProbe implements AutoCloseable {

    static final String NAME = "live-delivery";
    private static final Duration PACE = Duration.ofMillis(100);
    private static final Duration GIVE_UP = Duration.ofSeconds(10);
    private static final Pattern MARK = Pattern.compile("live-probe-(\\d+)");

    private final Map<Long, Long> sentAtNanos = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private final WebSocket socket;
    private final Thread poster;
    private volatile boolean running = true;

    private LiveProbe(Http http, Fixture fixture) {
        String slug = Fixture.any(fixture.slugs());
        String token = fixture.readers().get(0).token();
        URI live = URI.create(http.base().replaceFirst("^http", "ws") + "/api/live");
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(live, new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
        socket.sendText("{\"type\":\"subscribe\",\"article\":\"" + slug + "\"}", true);
        subscribed.orTimeout(10, TimeUnit.SECONDS).join();
        poster = Thread.ofPlatform().name("bench-live-probe").daemon().start(() -> post(http, slug, token));
    }

    static LiveProbe start(String target, Fixture fixture) {
        return new LiveProbe(new Http(target), fixture);
    }

    private void post(Http http, String slug, String token) {
        for (long n = 0; running; n++) {
            sentAtNanos.put(n, System.nanoTime());
            try {
                http.post("/api/articles/" + slug + "/comments", token, "{\"comment\":{\"body\":\"live-probe-" + n + "\"}}");
            } catch (RuntimeException e) {
                sentAtNanos.remove(n);
                Recorder.record(NAME, 0, false);
            }
            try {
                Thread.sleep(PACE);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void received(String text) {
        if (text.contains("\"subscribed\"")) {
            subscribed.complete(null);
            return;
        }
        Matcher mark = MARK.matcher(text);
        if (text.contains("\"type\":\"comment\"") && mark.find()) {
            Long sent = sentAtNanos.remove(Long.parseLong(mark.group(1)));
            if (sent != null) {
                int millis = (int) ((System.nanoTime() - sent) / 1_000_000);
                Recorder.record(NAME, millis, millis <= GIVE_UP.toMillis());
            }
        }
    }

    /**
     * Stops posting (the comment in flight is finished, not interrupted: an interrupted POST is no
     * failure of the service), waits for the last deliveries, and counts what never came as failed.
     */
    @Override
    public void close() throws InterruptedException {
        running = false;
        poster.join();
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (!sentAtNanos.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        sentAtNanos.values().forEach(sent -> Recorder.record(NAME, (int) GIVE_UP.toMillis(), false));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
