-- Outcomes of writes sent with an Idempotency-Key (io.inkwell.idempotency): written in the same
-- transaction as the write itself, so a key is stored exactly when its work committed.
create table idempotency_keys (
    scope        varchar(300)  not null, -- 'user:<id>', or 'ip:<address>' for anonymous calls
    key          varchar(255)  not null,
    fingerprint  char(64)      not null, -- SHA-256 of method, path and body: the same key with another request is refused
    status       smallint      not null,
    body         text,
    created_at   timestamptz   not null default now(),
    expires_at   timestamptz   not null,
    primary key (scope, key)
);

create index idempotency_keys_expires_at on idempotency_keys (expires_at);
