package io.inkwell.article;

import io.inkwell.common.error.ApiException;

/** {@code limit} and {@code offset} query parameters, checked here so that bad values are a 422 in the error envelope. */
public record Paging(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static Paging of(String limit, String offset) {
        return new Paging(
                parse("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
                parse("offset", offset, 0, 0, Integer.MAX_VALUE));
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
            throw ApiException.unprocessable(name, max == Integer.MAX_VALUE
                    ? "must be at least " + min
                    : "must be between " + min + " and " + max);
        }
        return (int) value;
    }
}
