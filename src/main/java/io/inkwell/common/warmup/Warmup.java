package io.inkwell.common.warmup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.inkwell.config.InkwellConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Readiness stays DOWN until the replica has served its main reads to itself a few times (tags,
 * article lists, an article, its comments, its author's profile), over its own HTTP port: the first
 * requests of a cold JVM pay for class loading, JIT, Hibernate's query plans and the first
 * connections, and no client should. A warm-up that fails or overruns its limit still ends it.
 */
@ApplicationScoped
@Readiness
public class Warmup implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(Warmup.class);
    private static final Pattern SLUG = Pattern.compile("\"slug\":\"([^\"]+)\"");
    private static final Pattern AUTHOR = Pattern.compile("\"author\":\\{\"username\":\"([^\"]+)\"");

    private final InkwellConfig.Warmup settings;
    private final int port;
    private volatile boolean done;
    private volatile String summary = "not started";

    Warmup(InkwellConfig config, @ConfigProperty(name = "quarkus.http.port") int port) {
        this.settings = config.warmup();
        this.port = port;
        this.done = !settings.enabled();
    }

    void start(@Observes StartupEvent startup) {
        if (!done) { // start-up must not wait for the requests, nor can they be served before it ends
            Thread thread = new Thread(this::run, "inkwell-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        long started = System.nanoTime();
        List<Long> firsts = new ArrayList<>();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            String base = "http://localhost:" + port;
            awaitListening(http, base, started);
            for (int round = 0; round < settings.rounds() && !overrun(started); round++) {
                List<Long> times = exercise(http, base);
                if (round == 0) {
                    firsts.addAll(times);
                }
            }
        } catch (RuntimeException e) {
            LOG.debugf(e, "Warm-up stopped early");
        } finally {
            summary = "first round " + firsts + " ms, all " + (System.nanoTime() - started) / 1_000_000 + " ms";
            done = true;
            LOG.infof("Warmed up (%s): ready", summary);
        }
    }

    /** The HTTP port opens once start-up has ended. */
    private void awaitListening(HttpClient http, String base, long started) {
        while (!overrun(started)) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(base + "/api/tags")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (java.io.IOException e) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private boolean overrun(long started) {
        return System.nanoTime() - started > settings.timeout().toNanos();
    }

    /** One pass over the main reads; returns each request's time in ms. */
    private static List<Long> exercise(HttpClient http, String base) {
        List<Long> times = new ArrayList<>();
        get(http, base + "/api/tags", times);
        String list = get(http, base + "/api/articles?limit=20", times);
        get(http, base + "/api/articles?limit=10&offset=10", times);
        Matcher slug = SLUG.matcher(list);
        if (slug.find()) {
            get(http, base + "/api/articles/" + slug.group(1), times);
            get(http, base + "/api/articles/" + slug.group(1) + "/comments", times);
        }
        Matcher author = AUTHOR.matcher(list);
        if (author.find()) {
            get(http, base + "/api/profiles/" + author.group(1), times);
            get(http, base + "/api/articles?author=" + author.group(1), times);
        }
        return times;
    }

    private static String get(HttpClient http, String url, List<Long> times) {
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            times.add((System.nanoTime() - started) / 1_000_000);
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Warm-up").status(done).withData("summary", summary).build();
    }
}
