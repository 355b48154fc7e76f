-- Single-use tokens mailed to prove control of an address (verify-email) or to reset a password.
-- Only a SHA-256 hash of each token is kept; the token itself exists only in the mail.
CREATE TABLE account_tokens (
    token_hash BYTEA        PRIMARY KEY,
    purpose    VARCHAR(16)  NOT NULL,
    user_id    BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The address the token was mailed to: it proves nothing once the account's address changed.
    email      VARCHAR(254) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ  NOT NULL,
    used_at    TIMESTAMPTZ,
    CONSTRAINT account_tokens_purpose_check CHECK (purpose IN ('verify-email', 'password-reset'))
);

CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose);

-- Mails the SMTP server accepted, by Message-ID (derived from the event that caused them): a
-- retried event never sends the same mail twice. No foreign key: handled events are purged.
CREATE TABLE sent_mails (
    message_id VARCHAR(255) PRIMARY KEY,
    event_id   BIGINT       NOT NULL,
    sent_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX sent_mails_sent_idx ON sent_mails (sent_at);
