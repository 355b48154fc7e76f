package io.inkwell.config;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * {@code inkwell.mail.*}: Inkwell's side of e-mail (see io.inkwell.mail). The SMTP server, credentials
 * and sender are Quarkus's {@code quarkus.mailer.*} settings.
 */
public interface MailSettings {

    /** The link in verification mails; {@code {token}} is replaced by the token. */
    @WithDefault("http://localhost:4200/verify-email?token={token}")
    String verifyLink();

    /** The link in password-reset mails; {@code {token}} is replaced by the token. */
    @WithDefault("http://localhost:4200/reset-password?token={token}")
    String resetLink();

    /** How long an address-verification token stays valid. */
    @WithDefault("24h")
    Duration verificationValidity();

    /** How long a password-reset token stays valid. */
    @WithDefault("1h")
    Duration resetValidity();

    /**
     * A password-reset request is answered after at least this long, whether the address has an
     * account or not, so that the time taken reveals nothing. Keep it above the slowest lookup.
     */
    @WithDefault("250ms")
    Duration resetAnswerTime();

    /** The longest one SMTP delivery may take before it counts as failed (and is retried). */
    @WithDefault("30s")
    Duration sendTimeout();
}
