package io.inkwell.common.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.inkwell.common.change.Changed;
import io.inkwell.common.change.Topic;
import io.inkwell.common.redis.RedisGate;
import io.inkwell.common.redis.RedisKeys;
import io.inkwell.common.redis.RedisScript;
import io.inkwell.config.InkwellConfig;

/**
 * Delivers each committed write's {@link Changed} to Redis before the write's response is sent: its
 * topics take new values, so every replica stops using entries that depended on them. An
 * invalidation that cannot be delivered makes this replica start a new epoch before it reads again.
 */
@ApplicationScoped
class CacheInvalidation {

    private static final RedisScript BUMP = RedisScript.load("/io/inkwell/common/cache/bump.lua");

    private final RedisGate redis;
    private final CacheEpoch epoch;
    private final CacheMetrics metrics;
    private final String topicTtl;

    CacheInvalidation(RedisGate redis, CacheEpoch epoch, CacheMetrics metrics, InkwellConfig config) {
        this.redis = redis;
        this.epoch = epoch;
        this.metrics = metrics;
        // A topic must outlive every entry that recorded it: an expired topic would read as "never changed".
        Duration longestEntry = config.cache().ttl().compareTo(config.session().checkTtl()) > 0
                ? config.cache().ttl() : config.session().checkTtl();
        this.topicTtl = Long.toString(Math.max(Duration.ofDays(1).toSeconds(), 2 * longestEntry.toSeconds()));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        if (changed.topics().isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(List.of(CacheEpoch.fresh(), CacheEpoch.STATE_TTL, topicTtl));
        changed.topics().forEach(topic -> args.add(key(topic)));
        boolean applied = redis.call("cache.invalidate",
                ds -> BUMP.run(ds, List.of(CacheEpoch.STATE), args).replaceWith(true), () -> false);
        if (!applied) {
            epoch.lost();
        }
        metrics.invalidation(applied);
    }

    static String key(Topic topic) {
        return RedisKeys.key("cache", "topic", topic.kind(), topic.name());
    }
}
