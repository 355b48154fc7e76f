package io.inkwell.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.common.persistence.Jdbc;

/**
 * Single-use tokens for mailed links: 256 random bits, URL-safe, of which only a SHA-256 hash is
 * stored. Redeeming one is a single conditional UPDATE, so a token works once even when raced.
 */
@ApplicationScoped
class AccountTokens {

    enum Purpose {
        VERIFY_EMAIL("verify-email"), PASSWORD_RESET("password-reset");

        final String column;

        Purpose(String column) {
            this.column = column;
        }
    }

    record Redeemed(long userId, String email) {
    }

    private static final int MAX_TOKEN_LENGTH = 100;
    private final SecureRandom random = new SecureRandom();
    private final Jdbc jdbc;

    AccountTokens(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's transaction. @return the token, to be mailed to {@code email} and never stored */
    String issue(Purpose purpose, long userId, String email, Duration validity) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("DELETE FROM account_tokens WHERE user_id = ? AND expires_at < now()", userId);
        jdbc.update("INSERT INTO account_tokens (token_hash, purpose, user_id, email, expires_at) VALUES (?, ?, ?, ?, ?)",
                hash(token), purpose.column, userId, email, Instant.now().plus(validity).atOffset(ZoneOffset.UTC));
        return token;
    }

    /** Uses the token up; empty when it is unknown, expired, used or of another purpose. */
    Optional<Redeemed> redeem(Purpose purpose, String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return jdbc.query("""
                UPDATE account_tokens SET used_at = now()
                WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > now()
                RETURNING user_id, email""", List.of(hash(token), purpose.column),
                rows -> rows.next() ? Optional.of(new Redeemed(rows.getLong(1), rows.getString(2))) : Optional.empty());
    }

    /** Uses up every other open token of the user for {@code purpose} (after a reset, older reset links die). */
    void revokeAll(Purpose purpose, long userId) {
        jdbc.update("UPDATE account_tokens SET used_at = now() WHERE user_id = ? AND purpose = ? AND used_at IS NULL",
                userId, purpose.column);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
