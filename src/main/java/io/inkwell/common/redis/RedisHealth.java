package io.inkwell.common.redis;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Redis's state for operators, without ever making the service unready: every feature using Redis
 * has a fallback, so a replica without Redis still serves correctly and must stay in rotation.
 * (The Redis extension's own readiness check, which would go DOWN, is switched off.) The probe's
 * PING goes through the breaker, so an idle replica also notices when Redis returns.
 */
@Readiness
@ApplicationScoped
public class RedisHealth implements HealthCheck {

    private final RedisGate redis;

    RedisHealth(RedisGate redis, MeterRegistry registry) {
        this.redis = redis;
        Gauge.builder("inkwell.redis.up", redis, gate -> gate.available() ? 1 : 0)
                .description("1 while Redis answers (circuit breaker closed), 0 while Inkwell falls back without it")
                .register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        boolean answered = redis.call("ping", ds -> ds.execute("PING").replaceWith(true), () -> false);
        return HealthCheckResponse.named("Redis")
                .up()
                .withData("reachable", answered)
                .withData("breaker", redis.breakerState())
                .withData("whileUnreachable", "cache bypassed; rate limits per replica; session checks from PostgreSQL")
                .build();
    }
}
