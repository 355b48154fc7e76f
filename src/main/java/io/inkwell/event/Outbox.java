package io.inkwell.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.inkwell.common.persistence.Jdbc;
import io.vertx.core.json.JsonObject;

/**
 * Where business code records what happened: one row, in the transaction of the change itself, so
 * an event exists exactly when its change was committed. Payloads carry ids, not copies of data:
 * consumers read the current state when they handle the event.
 */
@ApplicationScoped
public class Outbox {

    /** Fired for every write; after the commit it wakes the relay, so events leave at once. */
    public record Written() {
    }

    private static final Written WRITTEN = new Written();

    private final Jdbc jdbc;
    private final Event<Written> written;

    Outbox(Jdbc jdbc, Event<Written> written) {
        this.jdbc = jdbc;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void write(String type, JsonObject payload) {
        jdbc.update("INSERT INTO outbox_events (type, payload) VALUES (?, CAST(? AS jsonb))", type, payload.encode());
        written.fire(WRITTEN);
    }
}
