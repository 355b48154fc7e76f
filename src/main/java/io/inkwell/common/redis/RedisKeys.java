package io.inkwell.common.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Key names: {@code inkwell:<feature>:<part>:...}. Every key Inkwell writes is named here and written
 * with a TTL, so that a shared Redis can tell Inkwell's keys apart and nothing lives forever.
 */
public final class RedisKeys {

    public static final String PREFIX = "inkwell:";

    private RedisKeys() {
    }

    public static String key(String feature, String... parts) {
        StringBuilder key = new StringBuilder(PREFIX).append(feature);
        for (String part : parts) {
            key.append(':').append(part);
        }
        return key.toString();
    }

    /**
     * A short, fixed-length stand-in for input that is personal (an e-mail address), unbounded (a
     * query string) or arbitrary text: 128 bits of its SHA-256, URL-safe.
     */
    public static String digest(String... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            byte[] hash = sha256.digest();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
