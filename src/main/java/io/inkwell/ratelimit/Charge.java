package io.inkwell.ratelimit;

import io.inkwell.common.redis.RedisKeys;

/** One count against {@code limit} for one subject, already reduced to a key-safe, non-personal id. */
record Charge(Limit limit, String subject) {

    String key() {
        return RedisKeys.key("ratelimit", limit.name(), subject);
    }
}
