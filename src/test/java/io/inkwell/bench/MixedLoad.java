package io.inkwell.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minute (or any duration) of what Conduit users do, from a few concurrent clients: sign up, read
 * lists, tags, articles and the feed, publish, comment, favorite and follow. Used to measure memory
 * after realistic use; the load benchmark (issue 9) measures throughput.
 */
public final class MixedLoad {

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern SLUG = Pattern.compile("\"slug\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, LongAdder> failuresByCause = new ConcurrentSkipListMap<>();

    public MixedLoad(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Runs {@code clients} clients for {@code duration}; returns "requests (failures)". */
    public String run(int clients, Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofVirtual().start(() -> client(deadline)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return requests.get() + " requests (" + failures.get() + " failed" + (failuresByCause.isEmpty() ? "" : ": "
                + failuresByCause.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", ")))
                + ")";
    }

    private void client(long deadline) {
        String name = "load" + ThreadLocalRandom.current().nextInt(1_000_000_000);
        String token = match(TOKEN, send("POST", "/api/users", null, "{\"user\":{\"username\":\"" + name
                + "\",\"email\":\"" + name + "@example.com\",\"password\":\"correct horse battery\"}}"));
        List<String> slugs = new ArrayList<>();
        while (System.nanoTime() < deadline && token != null) {
            int dice = ThreadLocalRandom.current().nextInt(100);
            if (dice < 30) {
                String page = send("GET", "/api/articles?limit=20", token, null);
                Matcher slug = SLUG.matcher(page == null ? "" : page);
                if (slug.find()) {
                    slugs.add(slug.group(1));
                }
            } else if (dice < 40) {
                send("GET", "/api/tags", null, null);
            } else if (dice < 50) {
                send("GET", "/api/articles/feed", token, null);
            } else if (dice < 60 || slugs.isEmpty()) {
                String created = send("POST", "/api/articles", token, "{\"article\":{\"title\":\"Load " + dice
                        + "\",\"description\":\"d\",\"body\":\"b\",\"tagList\":[\"load\",\"t" + dice % 7 + "\"]}}");
                String slug = match(SLUG, created);
                if (slug != null) {
                    slugs.add(slug);
                }
            } else {
                String slug = slugs.get(ThreadLocalRandom.current().nextInt(slugs.size()));
                switch (dice % 4) {
                    case 0 -> send("GET", "/api/articles/" + slug, token, null);
                    case 1 -> send("POST", "/api/articles/" + slug + "/comments", token, "{\"comment\":{\"body\":\"nice\"}}");
                    case 2 -> send("POST", "/api/articles/" + slug + "/favorite", token, null);
                    default -> send("GET", "/api/articles/" + slug + "/comments", null, null);
                }
            }
            if (slugs.size() > 50) {
                slugs.remove(0);
            }
        }
    }

    private String send(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        requests.incrementAndGet();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                failed(String.valueOf(response.statusCode()));
                return null;
            }
            return response.body();
        } catch (IOException e) {
            failed(e.getClass().getSimpleName());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void failed(String cause) {
        failures.incrementAndGet();
        failuresByCause.computeIfAbsent(cause, c -> new LongAdder()).increment();
    }

    private static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body == null ? "" : body);
        return matcher.find() ? matcher.group(1) : null;
    }
}
