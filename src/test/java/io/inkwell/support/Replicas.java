package io.inkwell.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.inkwell.config.local.ExternalServersResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Two replicas of the packaged application sharing the test run's PostgreSQL and one Redis, as two
 * pods behind a load balancer. Clients are peers, not proxies: no forwarded header is trusted.
 */
public final class Replicas implements AutoCloseable {

    public final PackagedApp a;
    public final PackagedApp b;

    private Replicas(PackagedApp a, PackagedApp b) {
        this.a = a;
        this.b = b;
    }

    public static Replicas start(String name, String redisUrl) throws IOException, InterruptedException {
        return start(name, redisUrl, Map.of());
    }

    /** @param overrides settings that replace the shared test servers' ones (say, a dedicated PostgreSQL) */
    public static Replicas start(String name, String redisUrl, Map<String, String> overrides)
            throws IOException, InterruptedException {
        Map<String, String> config = new HashMap<>(ExternalServersResource.configuration());
        config.keySet().removeIf(key -> key.startsWith("quarkus.http.proxy."));
        config.put("quarkus.redis.hosts", redisUrl);
        config.put("inkwell.tags.limit", "1000000"); // the test database holds thousands of tags
        config.putAll(overrides);
        PackagedApp a = PackagedApp.start(name + "-a.log", List.of(), config);
        PackagedApp b = PackagedApp.start(name + "-b.log", List.of(), config);
        Replicas replicas = new Replicas(a, b);
        try {
            a.awaitManagement("/q/health/ready", status -> status == 200, Duration.ofSeconds(90));
            b.awaitManagement("/q/health/ready", status -> status == 200, Duration.ofSeconds(90));
        } catch (AssertionError | InterruptedException e) {
            replicas.close();
            throw e;
        }
        return replicas;
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
        String username = Api.unique(prefix);
        String email = username + "@example.com";
        String token = to(app).body(Map.of("user", Map.of("username", username, "email", email, "password", Api.PASSWORD)))
                .post("/api/users").then().statusCode(201).extract().path("user.token");
        return new Api.Registered(username, email, token);
    }

    @Override
    public void close() throws InterruptedException {
        a.close();
        b.close();
    }
}
