package io.inkwell.common.redis;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import io.inkwell.config.InkwellConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * The one way Inkwell calls Redis. A request waits for Redis at most {@code inkwell.redis.timeout}
 * in all, however many calls it makes (each call awaits its answer itself, so neither the client's
 * connection pool nor a frozen server can hold a request longer), and every call passes one circuit
 * breaker shared by all calls. A call that fails, times out or is refused by the
 * open breaker answers its fallback instead: Redis slows requests down by at most the timeout, and
 * once the breaker is open by nothing at all. After {@code inkwell.redis.breaker.delay} one probe
 * call tries Redis again; its success closes the breaker, so Redis comes back by itself.
 *
 * <p>Changes of availability are announced as a synchronous {@link RedisAvailability} event.
 */
@ApplicationScoped
public class RedisGate {

    private static final Logger LOG = Logger.getLogger(RedisGate.class);

    private final ReactiveRedisDataSource redis;
    private final Duration timeout;
    private final Guard guard;
    private final Event<RedisAvailability> availability;
    private final MeterRegistry registry;
    private volatile CircuitBreakerState state = CircuitBreakerState.CLOSED;
    private volatile String lastFailure = "";

    RedisGate(ReactiveRedisDataSource redis, InkwellConfig config, Event<RedisAvailability> availability,
            MeterRegistry registry) {
        InkwellConfig.Redis settings = config.redis();
        this.redis = redis;
        this.timeout = settings.timeout();
        this.availability = availability;
        this.registry = registry;
        this.guard = Guard.create()
                .withCircuitBreaker()
                .name("redis")
                .requestVolumeThreshold(settings.breaker().window())
                .failureRatio(settings.breaker().failureRatio())
                .delay(settings.breaker().delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1) // one probe at a time while half-open
                .onStateChange(this::changed)
                .done()
                .build();
    }

    /** Runs {@code call} within {@code inkwell.redis.timeout}, or answers {@code fallback} if Redis cannot. */
    public <T> T call(String operation, Function<ReactiveRedisDataSource, Uni<T>> call, Supplier<T> fallback) {
        return call(operation, timeout, call, fallback);
    }

    /** As {@link #call(String, Function, Supplier)}, for the rare command that may rightly take longer. */
    @SuppressWarnings("unchecked")
    public <T> T call(String operation, Duration limit, Function<ReactiveRedisDataSource, Uni<T>> call,
            Supplier<T> fallback) {
        long spent = RequestBudget.spent();
        Duration allowed = limit.minusNanos(spent);
        if (allowed.isNegative() || allowed.isZero()) { // this request already waited its time for Redis
            fallbacks(operation).increment();
            return fallback.get();
        }
        long started = System.nanoTime();
        Object result;
        try {
            result = guard.get(() -> call.apply(redis).await().atMost(allowed), Object.class);
        } catch (RuntimeException e) {
            if (state == CircuitBreakerState.CLOSED) {
                lastFailure = e instanceof io.smallrye.mutiny.TimeoutException
                        ? "no answer within " + allowed.toMillis() + " ms"
                        : e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.debugf("Redis call %s failed (%s); using its fallback", operation, lastFailure);
            }
            fallbacks(operation).increment();
            return fallback.get();
        } finally {
            RequestBudget.spend(spent + System.nanoTime() - started);
        }
        return (T) result;
    }

    /** Whether calls currently reach Redis: the breaker is closed. */
    public boolean available() {
        return state == CircuitBreakerState.CLOSED;
    }

    /** {@code closed}, {@code open} or {@code half-open}. */
    public String breakerState() {
        return state.name().toLowerCase().replace('_', '-');
    }

    private Counter fallbacks(String operation) {
        return Counter.builder("inkwell.redis.fallbacks")
                .description("Redis calls answered by their fallback (Redis failed, slow, or the breaker open)")
                .tag("operation", operation)
                .register(registry);
    }

    private void changed(CircuitBreakerState newState) {
        boolean wasAvailable = available();
        state = newState;
        if (wasAvailable && !available()) {
            LOG.warnf("Redis unavailable (%s): the cache is bypassed, rate limits count per replica and session "
                    + "checks read PostgreSQL until it answers again", lastFailure);
            availability.fire(new RedisAvailability(false));
        } else if (!wasAvailable && available()) {
            LOG.info("Redis answers again: cache, shared rate limits and session checks resume");
            availability.fire(new RedisAvailability(true));
        }
    }
}
