package io.inkwell.security;

import io.inkwell.config.local.ExternalServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged artifact (jar, or native binary with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(ExternalServersResource.class)
class Api7ServerSideRequestForgeryIT extends Api7ServerSideRequestForgeryTest {
}
