package io.inkwell.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few API calls seeding makes, over the JDK's HTTP client; bodies are small JSON built by hand. */
final class Http {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1) // as browsers and curl speak to it; no h2c upgrade on every connection
            .build();
    private final String base;

    Http(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String base() {
        return base;
    }

    /** POSTs JSON and returns the answer's body; any status but 200/201 fails with the answer. */
    String post(String path, String token, String json) {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    int status(String path) {
        try {
            return client.send(request(path, null).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** GET {@code path}: the body of a 200 answer, else {@code null} (also when nothing answers). */
    String getOrNull(String path) {
        try {
            HttpResponse<String> response = client.send(request(path, null).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    String register(String username, String password) {
        String body = post("/api/users", null, "{\"user\":{\"username\":\"%s\",\"email\":\"%s@bench.inkwell.test\",\"password\":\"%s\"}}"
                .formatted(username, username, password));
        return field(body, "token");
    }

    String login(String username, String password) {
        String body = post("/api/users/login", null, "{\"user\":{\"email\":\"%s@bench.inkwell.test\",\"password\":\"%s\"}}"
                .formatted(username, password));
        return field(body, "token");
    }

    /** A string field of a JSON answer, found by name (names are unique in the answers read here). */
    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return matcher.group(1);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Token " + token);
        }
        return builder;
    }

    private String send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 201) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " answered "
                        + response.statusCode() + ": " + response.body()
                        + (response.statusCode() == 429 ? " (run Inkwell with -Dinkwell.rate-limit.enabled=false for the benchmark)" : ""));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
