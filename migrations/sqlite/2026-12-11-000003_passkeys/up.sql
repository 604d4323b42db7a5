-- Passkeys (WebAuthn) of clients and staff: each row one credential of one person, the
-- serialised credential (public key, counter) as webauthn-rs keeps it. `user_handle` is the
-- person's WebAuthn user id, the same for all their passkeys: a discoverable login names it.
CREATE TABLE passkeys (
    id            TEXT PRIMARY KEY,
    tenant_id     TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('client', 'staff')),
    subject_id    TEXT NOT NULL,
    user_handle   TEXT NOT NULL,
    credential_id TEXT NOT NULL UNIQUE,
    credential    TEXT NOT NULL,
    name          TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    last_used_at  TIMESTAMP
);
CREATE INDEX passkeys_subject ON passkeys (tenant_id, kind, subject_id);

-- A ceremony between its two requests (options, then the authenticator's answer), kept in
-- the database so any process can finish it; single use, alive 5 minutes.
CREATE TABLE passkey_ceremonies (
    id         TEXT PRIMARY KEY,
    purpose    TEXT NOT NULL CHECK (purpose IN ('register', 'login')),
    realm      TEXT NOT NULL,
    tenant_id  TEXT,
    kind       TEXT,
    subject_id TEXT,
    state      TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX passkey_ceremonies_expiry ON passkey_ceremonies (expires_at);
