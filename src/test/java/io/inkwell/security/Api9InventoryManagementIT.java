package io.inkwell.security;

import static io.inkwell.support.Api.anonymous;

import org.junit.jupiter.api.Test;

import io.inkwell.config.local.ExternalServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged artifact, in the prod profile: the same checks, and no Swagger UI unless turned on. */
@QuarkusIntegrationTest
@WithTestResource(ExternalServersResource.class)
class Api9InventoryManagementIT extends Api9InventoryManagementTest {

    @Test
    void shouldNotServeSwaggerUiInProdByDefault() {
        anonymous().get("/q/swagger-ui/").then().statusCode(404);
    }
}
