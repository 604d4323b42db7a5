-- Idempotency-Key: the first successful answer to a create or an action, kept for a day so
-- a retried request gets the same answer instead of doing the thing twice. `principal` is
-- who asked (a staff member, a client or an API key, within `tenant_id`); a key is theirs
-- alone. `status` is NULL while the first request is still running.
CREATE TABLE idempotency_keys (
    id            TEXT PRIMARY KEY NOT NULL,
    tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    principal     TEXT NOT NULL,
    key           TEXT NOT NULL,
    fingerprint   TEXT NOT NULL,
    status        INTEGER,
    content_type  TEXT,
    location      TEXT,
    body          BYTEA,
    created_at    TIMESTAMP NOT NULL,
    UNIQUE (principal, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
