package io.inkwell.support;

import static io.restassured.RestAssured.given;

import io.inkwell.config.local.ExternalServersResource;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.HttpServer;
import io.restassured.specification.RequestSpecification;

/**
 * Requests to the management interface (health, metrics), which listens on a port of its own. A
 * {@code @QuarkusTest} finds the port the running application bound; a {@code @QuarkusIntegrationTest}
 * the one {@link ExternalServersResource} gave the packaged application.
 */
public final class Management {

    private Management() {
    }

    public static RequestSpecification management() {
        return given().baseUri("http://localhost").port(port()).basePath("");
    }

    public static int port() {
        Integer packaged = Integer.getInteger(ExternalServersResource.MANAGEMENT_PORT_PROPERTY);
        if (packaged != null) {
            return packaged;
        }
        return Arc.container().instance(HttpServer.class).get().getManagementPort();
    }
}
