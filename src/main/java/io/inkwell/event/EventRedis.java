package io.inkwell.event;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.inkwell.config.InkwellConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;

/**
 * How the event pipeline and live updates call Redis: each call waits at most
 * {@code inkwell.events.redis-timeout} and answers its fallback when Redis fails or is slow, so
 * nothing ever waits on Redis for long and no caller deals with its exceptions.
 *
 * <p>A stand-in with the signature of {@code io.inkwell.common.redis.RedisGate#call} (issue 7), which
 * adds a circuit breaker shared by every Redis user: once that is merged, callers switch to it and
 * this class goes. None of these calls runs on a request's thread.
 */
@ApplicationScoped
public class EventRedis {

    private static final Logger LOG = Logger.getLogger(EventRedis.class);

    private final ReactiveRedisDataSource redis;
    private final Duration timeout;

    EventRedis(ReactiveRedisDataSource redis, InkwellConfig config) {
        this.redis = redis;
        this.timeout = config.events().redisTimeout();
    }

    /**
     * Runs {@code call} within the timeout, or answers {@code fallback} if Redis cannot. A transaction
     * of the caller is suspended meanwhile: context propagation would otherwise carry it to the Redis
     * client's event-loop thread, and its commit would then find a second thread inside it.
     */
    public <T> T call(String operation, Function<ReactiveRedisDataSource, Uni<T>> call, Supplier<T> fallback) {
        try {
            return QuarkusTransaction.suspendingExisting().call(() -> call.apply(redis).await().atMost(timeout));
        } catch (RuntimeException e) {
            LOG.debugf("Redis call %s failed (%s); using its fallback", operation, e.toString());
            return fallback.get();
        }
    }
}
