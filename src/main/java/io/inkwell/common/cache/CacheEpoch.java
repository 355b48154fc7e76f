package io.inkwell.common.cache;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.inkwell.common.redis.RedisAvailability;
import io.inkwell.common.redis.RedisGate;
import io.inkwell.common.redis.RedisKeys;
import io.inkwell.common.redis.RedisScript;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Whether this replica may trust what Redis holds. It may not once it failed to deliver an
 * invalidation, or saw Redis unreachable (a frozen Redis keeps its entries while writes go on): then,
 * before its next cache read, it starts a new epoch in Redis, which no earlier entry matches. A Redis
 * that restarted empty starts a new epoch by itself (see the scripts).
 */
@ApplicationScoped
class CacheEpoch {

    static final String STATE = RedisKeys.key("cache", "state");
    static final String STATE_TTL = Long.toString(Duration.ofDays(7).toSeconds());
    private static final RedisScript RENEW = RedisScript.load("/io/inkwell/common/cache/renew.lua");
    private static final Logger LOG = Logger.getLogger(CacheEpoch.class);

    private final RedisGate redis;
    private final AtomicLong losses = new AtomicLong();
    private final ReentrantLock renewing = new ReentrantLock();
    private volatile long renewedUpTo;

    CacheEpoch(RedisGate redis) {
        this.redis = redis;
    }

    /** An invalidation did not reach Redis. */
    void lost() {
        losses.incrementAndGet();
    }

    void onAvailability(@Observes RedisAvailability change) {
        if (!change.available()) {
            lost();
        } else {
            Infrastructure.getDefaultWorkerPool().execute(this::trusted); // renew now, not at the next read
        }
    }

    /** True when Redis's entries may be used: nothing was lost, or a new epoch has been started since. */
    boolean trusted() {
        if (losses.get() == renewedUpTo) {
            return true;
        }
        if (!renewing.tryLock()) {
            return false; // another request is starting the new epoch: read the database meanwhile
        }
        try {
            long lost = losses.get();
            if (lost == renewedUpTo) {
                return true;
            }
            boolean renewed = redis.call("cache.renew",
                    ds -> RENEW.run(ds, List.of(STATE), List.of(fresh(), STATE_TTL)).replaceWith(true), () -> false);
            if (renewed) {
                renewedUpTo = lost;
                LOG.info("Started a new cache epoch: entries cached before Redis was last unreachable are not used");
            }
            return renewed;
        } finally {
            renewing.unlock();
        }
    }

    /** A value no epoch has had before (64 random bits). */
    static String fresh() {
        return Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }
}
