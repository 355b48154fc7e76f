package io.inkwell.article;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Business counters for articles, exported at /q/metrics. */
@ApplicationScoped
class ArticleEvents {

    private final Counter published;

    ArticleEvents(MeterRegistry registry) {
        published = Counter.builder("inkwell.articles.published")
                .description("Articles published").register(registry);
    }

    void published() {
        published.increment();
    }
}
