-- Passwordless login: one-time codes and links, sessions, shared rate limits, the outbox.

-- One row per login request. `realm` is 'staff' or 'client:<tenant_id>', so a staff email
-- and a client email never share codes. Only HMACs / hashes are stored.
CREATE TABLE login_codes (
    id               TEXT PRIMARY KEY NOT NULL,
    realm            TEXT NOT NULL,
    tenant_id        TEXT REFERENCES tenants(id) ON DELETE CASCADE,
    email            TEXT NOT NULL,
    code_hmac        TEXT NOT NULL,
    link_hash        TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    created_at       TIMESTAMP NOT NULL,
    code_expires_at  TIMESTAMP NOT NULL,
    link_expires_at  TIMESTAMP NOT NULL,
    -- Set when the code or link is used, or when a newer request replaces this one.
    spent_at         TIMESTAMP
);
CREATE INDEX login_codes_realm_email ON login_codes (realm, email, created_at);
CREATE UNIQUE INDEX login_codes_link ON login_codes (link_hash);

CREATE TABLE sessions (
    id                  TEXT PRIMARY KEY NOT NULL,
    tenant_id           TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    kind                TEXT NOT NULL CHECK (kind IN ('client', 'staff')),
    subject_id          TEXT NOT NULL,
    role                TEXT,
    impersonated_by     TEXT,
    refresh_hash        TEXT NOT NULL,
    refresh_generation  INTEGER NOT NULL DEFAULT 0,
    created_at          TIMESTAMP NOT NULL,
    last_seen_at        TIMESTAMP NOT NULL,
    expires_at          TIMESTAMP NOT NULL,
    user_agent          TEXT,
    ip                  TEXT,
    revoked_at          TIMESTAMP
);
CREATE INDEX sessions_tenant_subject ON sessions (tenant_id, kind, subject_id);

-- Fixed-window counters shared by every API process (login limits).
CREATE TABLE rate_limits (
    bucket        TEXT PRIMARY KEY NOT NULL,
    window_start  TIMESTAMP NOT NULL,
    hits          INTEGER NOT NULL,
    last_hit_at   TIMESTAMP NOT NULL
);

-- Side effects written in the same transaction as their cause, delivered by a worker.
CREATE TABLE outbox (
    id               TEXT PRIMARY KEY NOT NULL,
    tenant_id        TEXT REFERENCES tenants(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL,
    payload          TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP NOT NULL,
    locked_until     TIMESTAMP,
    last_error       TEXT,
    created_at       TIMESTAMP NOT NULL,
    sent_at          TIMESTAMP
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
