package io.inkwell.common.cache;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Hits, misses, bypasses, evictions and invalidations of the shared cache, at /q/metrics. */
@ApplicationScoped
class CacheMetrics {

    private final MeterRegistry registry;

    CacheMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void hit(CacheRegion region) {
        get(region, "hit");
    }

    void miss(CacheRegion region) {
        get(region, "miss");
    }

    /** Answered from the database without asking Redis: the region is off, or Redis is away. */
    void bypass(CacheRegion region) {
        get(region, "bypass");
    }

    /** An entry found invalidated (or of an old epoch) and removed. */
    void evicted(CacheRegion region) {
        Counter.builder("inkwell.cache.evictions").description("Cache entries found stale and removed")
                .tag("region", region.name()).register(registry).increment();
    }

    void invalidation(boolean applied) {
        Counter.builder("inkwell.cache.invalidations")
                .description("Writes whose invalidation reached Redis (applied) or could not (lost: a new epoch follows)")
                .tag("result", applied ? "applied" : "lost").register(registry).increment();
    }

    private void get(CacheRegion region, String result) {
        Counter.builder("inkwell.cache.gets").description("Shared cache reads by outcome")
                .tag("region", region.name()).tag("result", result).register(registry).increment();
    }
}
