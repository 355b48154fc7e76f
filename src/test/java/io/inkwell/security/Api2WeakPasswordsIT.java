package io.inkwell.security;

import io.inkwell.config.local.ExternalServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged artifact, whose password list is a resource (native: registered). */
@QuarkusIntegrationTest
@WithTestResource(ExternalServersResource.class)
class Api2WeakPasswordsIT extends Api2WeakPasswordsTest {
}
