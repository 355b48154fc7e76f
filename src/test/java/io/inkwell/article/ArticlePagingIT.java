package io.inkwell.article;

import io.inkwell.config.local.ExternalServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same HTTP-only checks against the packaged artifact (jar, or native binary with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(ExternalServersResource.class)
class ArticlePagingIT extends ArticlePagingTest {
}
