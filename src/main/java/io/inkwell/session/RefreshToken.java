package io.inkwell.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A refresh token, known to Inkwell only by its SHA-256: the token is 256 random bits, so a fast hash
 * is enough, and a database leak gives no usable token away.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken extends PanacheEntityBase {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR) // char(64), as V4 creates it: dev mode validates the mapping against the schema
    @Column(name = "token_hash", length = 64)
    public String tokenHash;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "used_at")
    public Instant usedAt;

    /** Stores a new token for the session and returns it: the only time it exists in clear. */
    static String issue(SecureRandom random, UUID sessionId, Instant now) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken stored = new RefreshToken();
        stored.tokenHash = hash(token);
        stored.sessionId = sessionId;
        stored.issuedAt = now;
        stored.persist();
        return token;
    }

    static Optional<RefreshToken> findByToken(String token) {
        return findByIdOptional(hash(token));
    }

    /** Marks it used, unless a concurrent request already did: true for the one request that may rotate it. */
    boolean markUsed(Instant now) {
        return update("usedAt = ?1 where tokenHash = ?2 and usedAt is null", now, tokenHash) == 1;
    }

    /** Hex SHA-256. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof RefreshToken token && tokenHash != null && tokenHash.equals(token.tokenHash);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(tokenHash);
    }
}
