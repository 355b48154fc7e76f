package io.inkwell.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "inkwell")
public interface InkwellConfig {

    Jwt jwt();

    Password password();

    Redis redis();

    Cache cache();

    Tags tags();

    interface Jwt {
        /** The {@code iss} of issued tokens; tokens from any other issuer are rejected. */
        @WithDefault("inkwell")
        String issuer();

        /** How long an issued token stays valid. */
        @WithDefault("PT24H")
        Duration lifespan();
    }

    interface Password {
        /** bcrypt work factor: each step doubles the cost of a login (and of an attack). */
        @WithDefault("11")
        int bcryptCost();
    }

    interface Redis {
        /** The longest a request waits for one Redis call before it takes the call's fallback. */
        @WithDefault("250ms")
        Duration timeout();

        Breaker breaker();

        /** The circuit breaker in front of every Redis call (see common/redis/RedisGate). */
        interface Breaker {
            /** How many recent calls the breaker judges Redis by. */
            @WithDefault("10")
            int window();

            /** The share of failed calls in that window that opens the breaker. */
            @WithDefault("0.5")
            double failureRatio();

            /** How long an open breaker sends no call to Redis before one probe call tries it again. */
            @WithDefault("1s")
            Duration delay();
        }
    }

    interface Cache {
        /** The shared cache of what every reader sees alike (tags, articles, lists, profiles, comments). */
        @WithDefault("true")
        boolean enabled();

        /** How long an unused entry stays in Redis; invalidation, not this, keeps entries fresh. */
        @WithDefault("10m")
        Duration ttl();
    }

    interface Tags {
        /** How many tags {@code GET /api/tags} lists at most: the most used ones. */
        @WithDefault("100")
        int limit();
    }
}
