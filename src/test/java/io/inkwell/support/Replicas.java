package io.inkwell.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.inkwell.config.local.ExternalServersResource;
import io.inkwell.config.local.embedded.SmtpServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Replicas of the packaged application sharing the test run's PostgreSQL, as pods behind a load
 * balancer. Clients are peers, not proxies: no forwarded header is trusted. Either two replicas on a
 * Redis the test owns ({@link #start(String, String)}), or replicas with a Redis and an SMTP server of
 * their own that the test can kill, restart and stop ({@link #start(String, int, Map)}), the event
 * pipeline's waits shortened so that take-overs and retries happen within a test's patience.
 */
public final class Replicas implements AutoCloseable {

    public final PackagedApp a;
    public final PackagedApp b;
    /** The replicas' own database, Redis and SMTP server; null when they share the run's. */
    public final Database database;
    public final RedisProcess redis;
    public final SmtpServer smtp;
    private final List<PackagedApp> apps;

    private Replicas(List<PackagedApp> apps, Database database, RedisProcess redis, SmtpServer smtp) {
        this.apps = apps;
        this.a = apps.get(0);
        this.b = apps.size() > 1 ? apps.get(1) : null;
        this.database = database;
        this.redis = redis;
        this.smtp = smtp;
    }

    /** Two replicas on {@code redisUrl}, ready. */
    public static Replicas start(String name, String redisUrl) throws IOException, InterruptedException {
        return start(name, redisUrl, Map.of());
    }

    /** @param overrides settings that replace the shared test servers' ones (say, a dedicated PostgreSQL) */
    public static Replicas start(String name, String redisUrl, Map<String, String> overrides)
            throws IOException, InterruptedException {
        Map<String, String> config = baseConfiguration();
        config.put("quarkus.redis.hosts", redisUrl);
        config.putAll(overrides);
        return launch(name, 2, config, List.of(), null, null, null);
    }

    /** {@code count} replicas on a database, a Redis and an SMTP server of their own, ready. */
    public static Replicas start(String name, int count, Map<String, String> overrides) throws IOException, InterruptedException {
        Database database = Database.create(name);
        RedisProcess redis = RedisProcess.start();
        SmtpServer smtp = SmtpServer.start(freePort());
        Map<String, String> config = baseConfiguration();
        config.putAll(database.configuration());
        config.put("quarkus.redis.hosts", redis.url());
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", Integer.toString(smtp.port()));
        config.put("inkwell.events.poll-interval", "50ms");
        config.put("inkwell.events.relay-interval", "200ms");
        config.put("inkwell.events.claim-idle", "3s");
        config.put("inkwell.events.redeliver-after", "15s");
        config.put("inkwell.events.backoff-initial", "200ms");
        config.put("inkwell.events.backoff-max", "2s");
        config.put("inkwell.events.max-attempts", "100");
        config.put("inkwell.events.redis-timeout", "2s");
        config.put("inkwell.rate-limit.enabled", "false"); // tests register many users from one address
        config.putAll(overrides);
        return launch(name, count, config, List.of("-Xmx256m"), database, redis, smtp);
    }

    private static Map<String, String> baseConfiguration() {
        Map<String, String> config = new HashMap<>(ExternalServersResource.configuration());
        config.keySet().removeIf(key -> key.startsWith("quarkus.http.proxy."));
        config.put("inkwell.tags.limit", "1000000"); // the test database holds thousands of tags
        return config;
    }

    private static Replicas launch(String name, int count, Map<String, String> config, List<String> jvmOptions,
            Database database, RedisProcess redis, SmtpServer smtp) throws IOException, InterruptedException {
        List<PackagedApp> apps = new ArrayList<>();
        Replicas replicas = null;
        try {
            for (int i = 0; i < count; i++) {
                apps.add(PackagedApp.start(name + "-" + (char) ('a' + i) + ".log", jvmOptions, config));
            }
            replicas = new Replicas(apps, database, redis, smtp);
            for (PackagedApp app : apps) {
                app.awaitManagement("/q/health/ready", status -> status == 200, Duration.ofSeconds(120));
            }
            return replicas;
        } catch (IOException | AssertionError | InterruptedException | RuntimeException e) {
            if (replicas != null) {
                replicas.close();
            }
            throw e;
        }
    }

    /** The value of the metric {@code name} (summed over its series) on {@code app}'s management port. */
    public static double metric(PackagedApp app, String name) {
        String text = managementOf(app).accept(ContentType.TEXT).get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    public PackagedApp get(int index) {
        return apps.get(index);
    }

    /** The replicas' own SMTP server's mailbox. */
    public Mailbox mailbox() {
        return Mailbox.at(smtp.port());
    }

    /** SIGKILL: no shutdown hook, no acknowledgement, nothing flushed. */
    public void kill(int index) throws InterruptedException {
        Process process = apps.get(index).process;
        process.destroyForcibly();
        process.waitFor();
    }

    /** A JSON request to {@code app}. */
    public static RequestSpecification to(PackagedApp app) {
        return given().port(app.port).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A request to {@code app}'s management interface (health, metrics). */
    public static RequestSpecification managementOf(PackagedApp app) {
        return given().port(app.managementPort).accept(ContentType.JSON);
    }

    /** A request for {@code path}, on the management port for {@code /q/health} and {@code /q/metrics}. */
    public static RequestSpecification toServing(PackagedApp app, String path) {
        return path.startsWith("/q/health") || path.startsWith("/q/metrics") ? managementOf(app) : to(app);
    }

    public static RequestSpecification to(PackagedApp app, String token) {
        return to(app).header("Authorization", "Token " + token);
    }

    /** Registers a new user through {@code app} and returns it, token included. */
    public static Api.Registered register(PackagedApp app, String prefix) {
        return Api.register(to(app), prefix);
    }

    @Override
    public void close() throws InterruptedException {
        for (PackagedApp app : apps) {
            app.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (redis != null) {
            redis.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
