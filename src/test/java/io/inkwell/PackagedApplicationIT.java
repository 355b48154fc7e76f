package io.inkwell;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Management.management;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.inkwell.config.local.DevToolingScan;
import io.inkwell.config.local.ExternalServersResource;
import io.inkwell.support.Api.Registered;
import io.inkwell.support.PackagedApp;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged artifact (jar here, native binary with -Dnative) in the prod profile, over HTTP only. */
@QuarkusIntegrationTest
@WithTestResource(ExternalServersResource.class)
class PackagedApplicationIT {

    @Test
    void shouldBeReadyWithDatabaseAndRedis() {
        management().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Redis"));
    }

    @Test
    void shouldServeTheApiWithTheConfiguredKeys() {
        Registered user = register("packaged");
        as(user).get("/api/user").then().statusCode(200).body("user.username", equalTo(user.username()));
        anonymous().get("/api/tags").then().statusCode(200);
    }

    @Test
    void shouldNotServeTheDevMailPage() {
        anonymous().get("/dev/mails").then().statusCode(404);
    }

    @Test
    void shouldNotShipTheEmbeddedServers() throws IOException {
        Path binary = PackagedApp.nativeBinary();
        if (binary != null) {
            assertThat(DevToolingScan.classNamesIn(binary, List.of(SHIPPED_HOOK)))
                    .as("the scan finds class names that are in the image").containsExactly(SHIPPED_HOOK);
            assertThat(DevToolingScan.classNamesIn(binary, DevToolingScan.FORBIDDEN_CLASSES)).isEmpty();
            return;
        }
        Path app = Path.of("target", "quarkus-app");
        assertThat(DevToolingScan.jarNamesIn(app.resolve("lib"))).isNotEmpty()
                .noneMatch(name -> DevToolingScan.FORBIDDEN_JARS.stream().anyMatch(name::contains));
        assertThat(DevToolingScan.entriesOf(app.resolve("app"))).contains(SHIPPED_HOOK.replace('.', '/') + ".class")
                .noneMatch(DevToolingScan::isDevTooling);
    }

    private static final String SHIPPED_HOOK = "io.inkwell.config.local.LocalServersConfigSourceFactory";
}
