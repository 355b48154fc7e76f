package io.inkwell.article;

import io.inkwell.common.error.ApiException;

/**
 * {@code limit}, {@code offset} and {@code cursor} query parameters, checked here so that bad values
 * are a 422 in the error envelope. Offsets stop at {@link #MAX_OFFSET}: the database walks past every
 * skipped article, so deeper pages are reached with the {@code nextCursor} of the page before, which
 * costs the same at any depth.
 */
public record Paging(int limit, int offset, ArticleCursor cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 10_000;

    public Paging(int limit, int offset) {
        this(limit, offset, null);
    }

    public static Paging of(String limit, String offset) {
        return of(limit, offset, null);
    }

    public static Paging of(String limit, String offset, String cursor) {
        int parsedLimit = parse("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        int parsedOffset = parse("offset", offset, 0, 0, MAX_OFFSET);
        if (cursor == null || cursor.isEmpty()) {
            return new Paging(parsedLimit, parsedOffset, null);
        }
        if (parsedOffset != 0) {
            throw ApiException.unprocessable("cursor", "cannot be combined with offset");
        }
        try {
            return new Paging(parsedLimit, 0, ArticleCursor.decode(cursor));
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable("cursor", "is invalid; use the nextCursor of a list");
        }
    }

    private static int parse(String name, String raw, int defaultValue, int min, int max) {
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.unprocessable(name, "must be a whole number");
        }
        if (value < min || value > max) {
            throw ApiException.unprocessable(name, "must be between " + min + " and " + max);
        }
        return (int) value;
    }
}
