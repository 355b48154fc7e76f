package io.inkwell.common.warmup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inkwell.config.local.ExternalServersResource;
import io.inkwell.support.Api;
import io.inkwell.support.PackagedApp;

/**
 * The packaged application reports ready only once it has served its main reads to itself; prints
 * the first requests' times a client then sees, next to those of a replica started without warm-up.
 */
class WarmupIT {

    private static final String[] READS = { "/api/tags", "/api/articles?limit=20", "/api/articles/{slug}",
            "/api/articles/{slug}/comments", "/api/profiles/{author}" };

    @Test
    void shouldWarmUpBeforeReportingReady() throws Exception {
        Map<String, String> config = new HashMap<>(ExternalServersResource.configuration());
        config.put("inkwell.warmup.enabled", "false");
        List<Long> cold = new ArrayList<>();
        String[] article = coldReadsThenSeed(config, cold);
        config.put("inkwell.warmup.enabled", "true");
        List<Long> warm = firstRequests("warmup-it-warm.log", config, article);

        System.out.printf("WarmupIT: first requests after ready (ms, %s): with warm-up %s; without, the first two %s%n",
                String.join(" ", READS), warm, cold);
        assertThat(Files.readString(java.nio.file.Path.of("target", "warmup-it-warm.log"))).contains("Warmed up");
    }

    /**
     * A replica without warm-up: times its first list reads, then publishes an article, so that the
     * warmed replica has one to exercise and the reads one to show.
     */
    private static String[] coldReadsThenSeed(Map<String, String> config, List<Long> cold) throws Exception {
        try (PackagedApp app = PackagedApp.start("warmup-it-cold.log", List.of(), config)) {
            app.awaitManagement("/q/health/ready", status -> status == 200, Duration.ofSeconds(90));
            given().port(app.managementPort).get("/q/health/live").then().statusCode(200); // the test's own client warms here
            for (String read : new String[] { READS[0], READS[1] }) {
                long started = System.nanoTime();
                given().port(app.port).get(read).then().statusCode(200);
                cold.add((System.nanoTime() - started) / 1_000_000);
            }
            String username = Api.unique("warm");
            String token = given().port(app.port).contentType("application/json")
                    .body(Map.of("user", Map.of("username", username, "email", username + "@example.com",
                            "password", Api.PASSWORD)))
                    .post("/api/users").then().statusCode(201).extract().path("user.token");
            String slug = given().port(app.port).contentType("application/json").header("Authorization", "Token " + token)
                    .body(Map.of("article", Map.of("title", Api.unique("Warm"), "description", "d", "body", "b")))
                    .post("/api/articles").then().statusCode(201).extract().path("article.slug");
            return new String[] { slug, username };
        }
    }

    private static List<Long> firstRequests(String log, Map<String, String> config, String[] article) throws Exception {
        try (PackagedApp app = PackagedApp.start(log, List.of(), config)) {
            app.awaitManagement("/q/health/ready", status -> status == 200, Duration.ofSeconds(90));
            given().port(app.managementPort).get("/q/health/live").then().statusCode(200); // the test's own client warms here
            List<Long> millis = new ArrayList<>();
            for (String read : READS) {
                String path = read.replace("{slug}", article[0]).replace("{author}", article[1]);
                long started = System.nanoTime();
                given().port(app.port).get(path).then().statusCode(200);
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
            return millis;
        }
    }
}
