package io.inkwell.ratelimit;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.common.error.ApiException;
import io.inkwell.common.error.ErrorResponse;
import io.inkwell.common.redis.RedisKeys;
import io.inkwell.config.InkwellConfig;

/**
 * The limits Inkwell enforces ({@code inkwell.rate-limit.*}), each checked before the work it
 * protects. A request over a limit gets 429 with Retry-After; every limited answer carries the
 * RateLimit-Policy and RateLimit headers ({@link RateLimitHeaders}). Subjects are kept in Redis
 * only as digests: no e-mail address or IP is stored.
 */
@ApplicationScoped
public class RateLimits {

    private final RateLimiter limiter;
    private final ClientAddress client;
    private final RateLimitHeaders headers;
    private final boolean enabled;
    private final Limit loginAccount;
    private final Limit loginIp;
    private final Limit registration;
    private final Limit write;
    private final Limit mailAccount;
    private final Limit mailIp;

    RateLimits(RateLimiter limiter, ClientAddress client, RateLimitHeaders headers, InkwellConfig config) {
        InkwellConfig.RateLimit settings = config.rateLimit();
        this.limiter = limiter;
        this.client = client;
        this.headers = headers;
        this.enabled = settings.enabled();
        var logins = settings.failedLogins();
        this.loginAccount = new Limit("failed-logins-account-ip", logins.perAccountAndIp(), logins.window());
        this.loginIp = new Limit("failed-logins-ip", logins.perIp(), logins.window());
        this.registration = new Limit("registrations-ip", settings.registrations().perIp(), settings.registrations().window());
        this.write = new Limit("writes-user", settings.writes().perUser(), settings.writes().window());
        this.mailAccount = new Limit("mails-account", settings.mails().perAccountAndPerIp(), settings.mails().window());
        this.mailIp = new Limit("mails-ip", settings.mails().perAccountAndPerIp(), settings.mails().window());
    }

    /**
     * Counts a login attempt as failed until {@link LoginAttempt#succeeded()} says otherwise. Once the
     * account (from this IP) or the IP has used up its failures, even the right password gets 429.
     */
    public LoginAttempt loginAttempt(String email) {
        if (!enabled) {
            return LoginAttempt.UNLIMITED;
        }
        String ip = client.current();
        List<Charge> charges = List.of(new Charge(loginAccount, RedisKeys.digest(normalised(email), ip)),
                new Charge(loginIp, RedisKeys.digest(ip)));
        enforce(charges, "too many failed logins");
        return () -> headers.record(limiter.refund(charges));
    }

    public void registration() {
        if (enabled) {
            enforce(List.of(new Charge(registration, RedisKeys.digest(client.current()))), "too many registrations");
        }
    }

    public void write(long userId) {
        if (enabled) {
            enforce(List.of(new Charge(write, Long.toString(userId))), "too many changes");
        }
    }

    /** For password-reset and verification mails: per account and per client IP. */
    public void mail(String account) {
        if (enabled) {
            enforce(List.of(new Charge(mailAccount, RedisKeys.digest(normalised(account))),
                    new Charge(mailIp, RedisKeys.digest(client.current()))), "too many mails requested");
        }
    }

    private void enforce(List<Charge> charges, String what) {
        Decision decision = limiter.consume(charges);
        headers.record(decision);
        if (!decision.allowed()) {
            throw new ApiException(429, ErrorResponse.GENERAL,
                    what + "; try again in " + decision.retryAfterSeconds() + " seconds");
        }
    }

    private static String normalised(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }
}
