package io.inkwell.event;

import java.time.Instant;

import io.vertx.core.json.JsonObject;

/**
 * An event as the outbox recorded it. {@code id} is unique and stable across retries, so consumers
 * derive idempotency keys from it (a mail's Message-ID, a notification's origin).
 */
public record StoredEvent(long id, String type, JsonObject payload, Instant createdAt) {
}
