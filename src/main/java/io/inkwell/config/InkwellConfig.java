package io.inkwell.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "inkwell")
public interface InkwellConfig {

    Jwt jwt();

    Password password();

    EventSettings events();

    MailSettings mail();

    LiveSettings live();

    Redis redis();

    Cache cache();

    Tags tags();

    RateLimit rateLimit();

    Session session();

    Database database();

    Idempotency idempotency();

    Warmup warmup();

    interface Jwt {
        /** The {@code iss} of issued tokens; tokens from any other issuer are rejected. */
        @WithDefault("inkwell")
        String issuer();

        /** How long an issued token stays valid. */
        @WithDefault("PT24H")
        Duration lifespan();

        /** The {@code aud} of issued tokens, and the audience a token must name to be accepted. */
        @WithDefault("inkwell")
        String audience();

        /** How far in the future a token's {@code iat} or {@code nbf} may lie (clocks differ a little); later is refused. */
        @WithDefault("PT30S")
        Duration clockSkew();
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

    /** Limits shared by all replicas through Redis (per replica while Redis is away); see ratelimit/. */
    interface RateLimit {
        /** Off: no limit is counted or enforced, and no RateLimit headers are sent (load benchmarks). */
        @WithDefault("true")
        boolean enabled();

        FailedLogins failedLogins();

        Registrations registrations();

        Writes writes();

        Mails mails();

        interface FailedLogins {
            /** Failed logins for one account from one client IP; then 429 until the window passes. */
            @WithDefault("5")
            int perAccountAndIp();

            /** Failed logins from one client IP, whatever the account (credential stuffing). */
            @WithDefault("20")
            int perIp();

            @WithDefault("15m")
            Duration window();
        }

        interface Registrations {
            /** Registration attempts from one client IP. */
            @WithDefault("10")
            int perIp();

            @WithDefault("1h")
            Duration window();
        }

        interface Writes {
            /** Writes (articles, comments, favorites, follows, profile) by one user. */
            @WithDefault("60")
            int perUser();

            @WithDefault("1m")
            Duration window();
        }

        interface Mails {
            /** Password-reset and verification mails for one account, and from one client IP. */
            @WithDefault("3")
            int perAccountAndPerIp();

            @WithDefault("1h")
            Duration window();
        }
    }

    interface Session {
        /** How long a refresh token, and so a session nobody refreshes, stays valid. */
        @WithDefault("P30D")
        Duration refreshLifespan();

        /**
         * How long a session's state is kept in Redis for the check on every request; ending a session
         * invalidates it at once, this only bounds what a lost invalidation could cost.
         */
        @WithDefault("5m")
        Duration checkTtl();

        /** Live sessions per user; a new login beyond this ends the least recently used. */
        @WithDefault("50")
        int maxPerUser();
    }

    /** How requests behave while PostgreSQL is away (common/persistence). */
    interface Database {
        /**
         * The longest a request waits for a database connection before it is answered 503; feeds
         * {@code quarkus.datasource.jdbc.acquisition-timeout}.
         */
        @WithDefault("250ms")
        Duration timeout();

        /** The {@code Retry-After} of a 503 answered while PostgreSQL is away. */
        @WithDefault("2s")
        Duration retryAfter();
    }

    /** {@code Idempotency-Key} on writes (idempotency/). */
    interface Idempotency {
        /** How long a key answers repeats of its request with the first outcome; then it is purged. */
        @WithDefault("24h")
        Duration ttl();
    }

    /** The self-exercise before readiness turns UP (common/warmup). */
    interface Warmup {
        @WithDefault("true")
        boolean enabled();

        /** Passes over the main reads. */
        @WithDefault("3")
        int rounds();

        /** The longest the warm-up may hold readiness DOWN. */
        @WithDefault("10s")
        Duration timeout();
    }
}
