-- A session starts with a login or a registration, and ends by logout, by its user (sessions list,
-- password change), when its refresh token is used twice (theft), or when nobody refreshes it in time.
CREATE TABLE sessions (
    id           UUID         PRIMARY KEY,
    user_id      BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    user_agent   VARCHAR(512),
    created_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    ended_at     TIMESTAMPTZ
);

CREATE INDEX sessions_user_idx ON sessions (user_id, last_used_at DESC);

-- Refresh tokens, as SHA-256 hashes only. A used one stays (used_at set) while its session lives:
-- presented again, it gives a stolen token away, and the whole session ends.
CREATE TABLE refresh_tokens (
    token_hash CHAR(64)    PRIMARY KEY,
    session_id UUID        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    issued_at  TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);

CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);
