package io.inkwell.comment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import io.inkwell.common.error.ApiException;

/**
 * Which comments a list shows: up to {@code limit}, oldest first, after the comment a {@code cursor}
 * names (keyset paging: stable while comments are added). Without {@code limit} a list holds up to
 * {@link #UNPAGED_MAX} comments, so that Conduit front ends, which know no paging, still see a whole
 * conversation; {@code nextCursor} tells them when there is more.
 */
public record CommentPage(int limit, Cursor after) {

    public static final int UNPAGED_MAX = 500;
    public static final int MAX_LIMIT = 100;

    /** Where a page ends: creation time (exact, whatever the stored precision) and id of its last comment. */
    public record Cursor(Instant createdAt, long id) {

        String encode() {
            String key = createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.US_ASCII));
        }

        static Cursor of(Comment comment) {
            return new Cursor(comment.createdAt, comment.id);
        }

        static Cursor decode(String cursor) {
            try {
                String[] key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
                if (key.length != 3) {
                    throw new IllegalArgumentException(cursor);
                }
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(key[0]), Long.parseLong(key[1])),
                        Long.parseLong(key[2]));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw ApiException.unprocessable("cursor", "is invalid");
            }
        }
    }

    public static CommentPage of(String limit, String cursor) {
        return new CommentPage(parseLimit(limit), cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor));
    }

    private static int parseLimit(String raw) {
        if (raw == null || raw.isEmpty()) {
            return UNPAGED_MAX;
        }
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.unprocessable("limit", "must be a whole number");
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw ApiException.unprocessable("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return (int) value;
    }
}
