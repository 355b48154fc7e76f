package io.inkwell.common.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkwell.common.redis.RedisGate;
import io.inkwell.common.redis.RedisKeys;
import io.inkwell.common.redis.RedisScript;
import io.vertx.mutiny.redis.client.Response;

/**
 * Read-through cache in Redis for answers that are the same for every reader, shared by all replicas.
 *
 * <p>An entry records the topics it depends on and their values when it was loaded; it is valid
 * while none has changed since ({@link CacheInvalidation} changes them after each commit). So
 * invalidation is exact and immediate on every replica, without a TTL deciding freshness. The
 * values are checked against the topics in the same Redis round trip that reads the entry.
 *
 * <p>A load that a concurrent write may have overtaken is not stored: the lookup returns the
 * topics' clock before the load, and the fill refuses if any topic moved past it.
 */
@ApplicationScoped
public class SharedCache {

    private static final RedisScript LOOKUP = RedisScript.load("/io/inkwell/common/cache/lookup.lua");
    private static final RedisScript FILL = RedisScript.load("/io/inkwell/common/cache/fill.lua");
    private static final Logger LOG = Logger.getLogger(SharedCache.class);

    private final RedisGate redis;
    private final CacheEpoch epoch;
    private final CacheMetrics metrics;
    private final ObjectMapper json;

    SharedCache(RedisGate redis, CacheEpoch epoch, CacheMetrics metrics, ObjectMapper json) {
        this.redis = redis;
        this.epoch = epoch;
        this.metrics = metrics;
        this.json = json;
    }

    /**
     * The entry {@code id} of {@code region}, or what {@code load} reads (then stored for the next
     * reader). Without Redis, or with the region off, simply what {@code load} reads.
     */
    public <T> T get(CacheRegion region, String id, Class<T> type, Supplier<Fresh<T>> load) {
        if (!region.enabled() || !epoch.trusted()) {
            metrics.bypass(region);
            return load.get().value();
        }
        String key = RedisKeys.key("cache", region.name(), id);
        Lookup found = redis.call("cache.lookup", ds -> LOOKUP.run(ds, List.of(CacheEpoch.STATE, key),
                List.of(CacheEpoch.fresh(), CacheEpoch.STATE_TTL, "")).map(Lookup::of), () -> null);
        if (found == null) {
            metrics.bypass(region);
            return load.get().value();
        }
        if (found.status == Lookup.HIT) {
            T value = decode(found.body, type);
            if (value != null) {
                metrics.hit(region);
                return value;
            }
        } else if (found.status == Lookup.STALE) {
            metrics.evicted(region);
        }
        metrics.miss(region);
        Fresh<T> fresh = load.get();
        fill(region, key, found, fresh);
        return fresh.value();
    }

    private void fill(CacheRegion region, String key, Lookup before, Fresh<?> fresh) {
        String body;
        try {
            body = json.writeValueAsString(fresh.value());
        } catch (JsonProcessingException e) {
            LOG.warnf(e, "Not caching an entry of %s that does not serialise", region.name());
            return;
        }
        List<String> args = new ArrayList<>(List.of(before.epoch, before.clock,
                Long.toString(region.ttl().toSeconds()), body, stamp()));
        fresh.topics().forEach(topic -> args.add(CacheInvalidation.key(topic)));
        redis.call("cache.fill", ds -> FILL.run(ds, List.of(CacheEpoch.STATE, key), args).replaceWithVoid(), () -> null);
    }

    /** Null when the entry was written by a version of Inkwell with another shape of it: a miss. */
    private <T> T decode(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            LOG.debugf("Cache entry of another shape (%s); reading it afresh", e.getOriginalMessage());
            return null;
        }
    }

    private static String stamp() {
        return Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }

    /** What the lookup script answered. */
    private record Lookup(int status, String epoch, String clock, String body) {
        static final int HIT = 2;
        static final int STALE = 3;

        static Lookup of(Response response) {
            return new Lookup(response.get(0).toInteger(), response.get(1).toString(), response.get(2).toString(),
                    response.size() > 3 ? response.get(3).toString() : null);
        }
    }
}
