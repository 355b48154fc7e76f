-- Domain events, written in the same transaction as the change they describe (the outbox pattern).
-- PostgreSQL is the record of every event and of every consumer's outcome; Redis Streams only carry
-- event ids to the consumers, so Redis may lose everything without an event being lost.
CREATE TABLE outbox_events (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type         VARCHAR(64) NOT NULL,
    payload      JSONB       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Added to the stream; NULL while it waits for the relay (or after Redis lost the stream).
    published_at TIMESTAMPTZ,
    -- Every consumer has handled it or given up on it.
    completed_at TIMESTAMPTZ
);

CREATE INDEX outbox_events_unpublished_idx ON outbox_events (id) WHERE published_at IS NULL;
CREATE INDEX outbox_events_incomplete_idx ON outbox_events (published_at) WHERE completed_at IS NULL;
CREATE INDEX outbox_events_completed_idx ON outbox_events (completed_at) WHERE completed_at IS NOT NULL;

-- One row per event and consumer once the consumer has tried it. The primary key is what makes a
-- second delivery of the same event harmless: only one handling of it can ever commit.
CREATE TABLE event_deliveries (
    event_id        BIGINT        NOT NULL REFERENCES outbox_events (id) ON DELETE CASCADE,
    consumer        VARCHAR(64)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at TIMESTAMPTZ,
    last_error      VARCHAR(1000),
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer),
    CONSTRAINT event_deliveries_status_check CHECK (status IN ('handled', 'retrying', 'dead'))
);

CREATE INDEX event_deliveries_due_idx ON event_deliveries (next_attempt_at) WHERE status = 'retrying';

-- Events a consumer gave up on after its last attempt: inspect here, retry with
--   UPDATE event_deliveries SET status = 'retrying', next_attempt_at = now() WHERE event_id = ... AND consumer = ...
CREATE VIEW event_dead_letters AS
SELECT d.event_id, e.type, d.consumer, d.attempts, d.last_error, e.payload, e.created_at, d.updated_at AS dead_since
FROM event_deliveries d
JOIN outbox_events e ON e.id = d.event_id
WHERE d.status = 'dead';
