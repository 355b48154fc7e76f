package io.inkwell.tag;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.publish;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.inkwell.config.InkwellConfig;
import io.inkwell.support.Api.Registered;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.WithDefault;

/** GET /api/tags lists the most used tags only, so it stays small however many tags exist. */
@QuarkusTest
class TagLimitTest {

    @Inject
    InkwellConfig config;

    @Test
    void shouldDefaultTo100Tags() throws NoSuchMethodException {
        assertThat(InkwellConfig.Tags.class.getMethod("limit").getAnnotation(WithDefault.class).value()).isEqualTo("100");
    }

    @Test
    void shouldListAtMostTheLimitMostUsedFirst() {
        List<String> all = QuarkusTransaction.requiringNew().call(() -> Tag.popularNames(Integer.MAX_VALUE));

        List<String> listed = anonymous().get("/api/tags").then().statusCode(200).extract().path("tags");

        assertThat(listed).hasSizeLessThanOrEqualTo(config.tags().limit())
                .isEqualTo(all.subList(0, Math.min(all.size(), config.tags().limit())));
    }

    @Test
    void shouldCutTheLeastUsedTags() {
        Registered author = register("tagger");
        String popular = unique("popular");
        String rare = unique("rare");
        publish(author, "One " + unique("t"), popular, rare);
        publish(author, "Two " + unique("t"), popular);

        List<String> top = QuarkusTransaction.requiringNew().call(() -> Tag.popularNames(1));
        List<String> all = QuarkusTransaction.requiringNew().call(() -> Tag.popularNames(Integer.MAX_VALUE));

        assertThat(top).hasSize(1).isEqualTo(all.subList(0, 1));
        assertThat(all.indexOf(popular)).isLessThan(all.indexOf(rare));
    }
}
