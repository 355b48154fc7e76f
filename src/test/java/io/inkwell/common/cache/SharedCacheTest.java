package io.inkwell.common.cache;

import static io.inkwell.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.inkwell.common.change.Changed;
import io.inkwell.common.change.Topic;
import io.inkwell.common.redis.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The cache engine itself: exact invalidation, races with writes, lost invalidations, an emptied Redis. */
@QuarkusTest
class SharedCacheTest {

    private static final CacheRegion REGION = new CacheRegion("test", Duration.ofMinutes(1), true);
    private static final AtomicInteger IDS = new AtomicInteger();

    @Inject
    SharedCache cache;

    @Inject
    CacheEpoch epoch;

    @Inject
    Event<Changed> changed;

    @Inject
    RedisDataSource redis;

    private final AtomicInteger loads = new AtomicInteger();

    private String read(String id, Topic topic) {
        return cache.get(REGION, id, String.class, () -> Fresh.of("load " + loads.incrementAndGet(), List.of(topic)));
    }

    @Test
    void shouldServeAnEntryUntilATopicItDependsOnChanges() {
        String id = "e" + IDS.incrementAndGet();
        Topic topic = Topic.article(id);

        assertThat(read(id, topic)).isEqualTo("load 1");
        assertThat(read(id, topic)).isEqualTo("load 1");
        changed.fire(Changed.of(Topic.article("another " + id)));
        assertThat(read(id, topic)).isEqualTo("load 1");

        changed.fire(Changed.of(topic));

        assertThat(read(id, topic)).isEqualTo("load 2");
        assertThat(read(id, topic)).isEqualTo("load 2");
    }

    @Test
    void shouldNotStoreALoadThatAWriteMayHaveOvertaken() {
        String id = "e" + IDS.incrementAndGet();
        Topic topic = Topic.article(id);

        String first = cache.get(REGION, id, String.class, () -> {
            changed.fire(Changed.of(topic)); // a write commits while this read is loading
            return Fresh.of("load " + loads.incrementAndGet(), List.of(topic));
        });

        assertThat(first).isEqualTo("load 1");
        assertThat(read(id, topic)).as("not served from the overtaken load").isEqualTo("load 2");
        assertThat(read(id, topic)).isEqualTo("load 2");
    }

    @Test
    void shouldStopUsingEverythingCachedOnceAnInvalidationWasLost() {
        String id = "e" + IDS.incrementAndGet();
        Topic topic = Topic.article(id);
        assertThat(read(id, topic)).isEqualTo("load 1");

        epoch.lost(); // as when Redis was unreachable after a commit: Redis may hold entries that write changed

        assertThat(read(id, topic)).isEqualTo("load 2");
        assertThat(read(id, topic)).isEqualTo("load 2");
    }

    @Test
    void shouldStartAfreshWhenRedisLostEverything() {
        String id = "e" + IDS.incrementAndGet();
        Topic topic = Topic.article(id);
        assertThat(read(id, topic)).isEqualTo("load 1");
        String epochBefore = redis.hash(String.class).hget(CacheEpoch.STATE, "epoch");

        redis.flushall(); // a restart without persistence

        assertThat(read(id, topic)).isEqualTo("load 2");
        assertThat(read(id, topic)).isEqualTo("load 2");
        assertThat(redis.hash(String.class).hget(CacheEpoch.STATE, "epoch")).isNotEqualTo(epochBefore);
        changed.fire(Changed.of(topic));
        assertThat(read(id, topic)).isEqualTo("load 3");
    }

    @Test
    void shouldBypassARegionThatIsOff() {
        CacheRegion off = new CacheRegion("off", Duration.ofMinutes(1), false);

        cache.get(off, "x", String.class, () -> Fresh.of("a", List.of()));
        cache.get(off, "x", String.class, () -> Fresh.of("b", List.of()));

        assertThat(redis.key().exists(RedisKeys.key("cache", "off", "x"))).isFalse();
    }

    @Test
    void shouldGiveEveryCacheKeyATtl() {
        String id = "e" + IDS.incrementAndGet();
        read(id, Topic.article(id));
        changed.fire(Changed.of(Topic.article(id)));

        for (String key : redis.key().keys("inkwell:cache:*")) {
            assertThat(redis.key().ttl(key)).as(key).isPositive();
        }
    }

    @Test
    void shouldCountHitsMissesAndEvictionsByRegion() {
        String id = "e" + IDS.incrementAndGet();
        read(id, Topic.article(id));
        read(id, Topic.article(id));
        changed.fire(Changed.of(Topic.article(id)));
        read(id, Topic.article(id));

        String metrics = management().accept(ContentType.TEXT).get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics)
                .containsPattern("inkwell_cache_gets_total\\{[^}]*region=\"test\"[^}]*result=\"hit\"[^}]*} [1-9]")
                .containsPattern("inkwell_cache_gets_total\\{[^}]*region=\"test\"[^}]*result=\"miss\"[^}]*} [1-9]")
                .containsPattern("inkwell_cache_evictions_total\\{[^}]*region=\"test\"[^}]*} [1-9]")
                .containsPattern("inkwell_cache_invalidations_total\\{[^}]*result=\"applied\"[^}]*} [1-9]");
    }
}
