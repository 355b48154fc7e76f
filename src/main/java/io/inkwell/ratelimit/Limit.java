package io.inkwell.ratelimit;

import java.time.Duration;

/**
 * One limit: at most {@code quota} counts per {@code window} for each subject (an IP, an account,
 * a user). A window starts with its first count and ends {@code window} later. {@code name} is the
 * policy's name in the RateLimit headers and in its Redis keys.
 */
public record Limit(String name, int quota, Duration window) {
}
