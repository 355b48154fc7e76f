package io.inkwell.security;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * API9 (improper inventory management): what is exposed where is deliberate. The API port serves
 * the API and its OpenAPI document, which lists the API alone; health and metrics answer on the
 * management port only.
 */
@QuarkusTest
class Api9InventoryManagementTest {

    @Test
    void shouldPublishTheOpenApiDocumentOfTheApiAlone() {
        Map<String, Object> paths = given().accept(ContentType.JSON).get("/q/openapi")
                .then().statusCode(200).extract().path("paths");

        assertThat(paths).isNotEmpty();
        assertThat(paths.keySet()).allMatch(path -> path.startsWith("/api/"));
    }

    @Test
    void shouldServeHealthAndMetricsOnTheManagementPortOnly() {
        management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        management().accept(ContentType.TEXT).get("/q/metrics").then().statusCode(200);

        anonymous().get("/q/health/ready").then().statusCode(404);
        anonymous().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void shouldNotServeTheApiOnTheManagementPort() {
        management().get("/api/tags").then().statusCode(404);
    }
}
