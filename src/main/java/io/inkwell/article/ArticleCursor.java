package io.inkwell.article;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Where a page of a list ended, for keyset paging: the creation time and id of its last article, as
 * the opaque {@code nextCursor} clients send back as {@code ?cursor=}. Lists are ordered by exactly
 * these two values, so the next page starts right after them however deep it is, and articles
 * published meanwhile neither repeat nor shift entries.
 *
 * <p>Plain Java on purpose: the benchmark (src/bench/) compiles this file with {@link ArticleSql}.
 */
public record ArticleCursor(Instant createdAt, long id) {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** {@code <epoch microseconds>.<id>}, base64url: short, URL-safe, and not meant to be built by hand. */
    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        return ENCODER.encodeToString((micros + "." + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws IllegalArgumentException when {@code cursor} is not one this class encoded */
    public static ArticleCursor decode(String cursor) {
        try {
            String text = new String(DECODER.decode(cursor), StandardCharsets.US_ASCII);
            int dot = text.indexOf('.');
            long micros = Long.parseLong(text.substring(0, dot));
            long id = Long.parseLong(text.substring(dot + 1));
            Instant createdAt = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
            if (id <= 0 || createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST)) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new ArticleCursor(createdAt, id);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor", e);
        }
    }
}
