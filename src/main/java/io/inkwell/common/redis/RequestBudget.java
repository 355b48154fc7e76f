package io.inkwell.common.redis;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;

/**
 * The time the current HTTP request has spent waiting for Redis, kept in the request's Vert.x
 * context. Outside a request (start-up, background work) nothing is kept: each call has its timeout.
 */
final class RequestBudget {

    private static final String SPENT = "inkwell.redis.spent-nanos";

    private RequestBudget() {
    }

    static long spent() {
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.<Long>get(SPENT, 0L) : 0L;
    }

    static void spend(long totalNanos) {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(SPENT, totalNanos);
        }
    }
}
