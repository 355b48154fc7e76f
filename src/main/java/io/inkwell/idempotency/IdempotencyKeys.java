package io.inkwell.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.inkwell.config.InkwellConfig;

/**
 * The stored keys, in PostgreSQL. Every method runs in the caller's transaction: the one that does
 * the write, so a key and its outcome commit or roll back together with the work.
 */
@ApplicationScoped
class IdempotencyKeys {

    /** Expired keys removed per stored key: purging keeps pace without a scheduler. */
    private static final int PURGE_BATCH = 20;

    private final EntityManager em;
    private final InkwellConfig config;

    IdempotencyKeys(EntityManager em, InkwellConfig config) {
        this.em = em;
        this.config = config;
    }

    /**
     * Takes the key for this transaction, or answers {@code false} when another transaction holds it
     * (the same request still in flight). A lock rather than the row: a row not yet committed would
     * make the second request wait for the first instead of being told.
     */
    boolean claim(String scope, String key) {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, lockId(scope, key))
                .getSingleResult();
    }

    /** The live entry under the key: its request's fingerprint and its outcome. */
    Optional<Stored> find(String scope, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select fingerprint, status, body from idempotency_keys
                where scope = ?1 and key = ?2 and expires_at > now()""")
                .setParameter(1, scope).setParameter(2, key).getResultList();
        return rows.stream().findFirst().map(row -> new Stored((String) row[0],
                new Outcome(((Number) row[1]).intValue(), (String) row[2])));
    }

    void store(String scope, String key, String fingerprint, Outcome outcome) {
        em.createNativeQuery("delete from idempotency_keys where scope = ?1 and key = ?2") // an expired entry
                .setParameter(1, scope).setParameter(2, key).executeUpdate();
        em.createNativeQuery("""
                insert into idempotency_keys (scope, key, fingerprint, status, body, expires_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, fingerprint)
                .setParameter(4, (short) outcome.status()).setParameter(5, outcome.body())
                .setParameter(6, Timestamp.from(Instant.now().plus(config.idempotency().ttl())))
                .executeUpdate();
        em.createNativeQuery("""
                delete from idempotency_keys where ctid in (
                    select ctid from idempotency_keys where expires_at < now() limit ?1 for update skip locked)""")
                .setParameter(1, PURGE_BATCH).executeUpdate();
    }

    record Stored(String fingerprint, Outcome outcome) {
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(digest(text));
    }

    static long lockId(String scope, String key) {
        return ByteBuffer.wrap(digest(scope + '\n' + key)).getLong();
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
