-- Foundation: tenants, their staff and clients, API keys, the activity log.
-- Ids are UUIDv7 text; times are UTC without zone (diesel Timestamp), written by the app.

CREATE TABLE tenants (
    id             TEXT PRIMARY KEY NOT NULL,
    slug           TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    logo_url       TEXT,
    primary_color  TEXT NOT NULL DEFAULT '#2563eb',
    accent_color   TEXT NOT NULL DEFAULT '#f59e0b',
    login_title    TEXT,
    login_message  TEXT,
    custom_domain  TEXT UNIQUE,
    timezone       TEXT NOT NULL DEFAULT 'UTC',
    currency       TEXT NOT NULL DEFAULT 'EUR',
    locale         TEXT NOT NULL DEFAULT 'en-US',
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);

CREATE TABLE staff (
    id          TEXT PRIMARY KEY NOT NULL,
    tenant_id   TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    email       TEXT NOT NULL,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL,
    UNIQUE (tenant_id, email)
);

CREATE TABLE clients (
    id              TEXT PRIMARY KEY NOT NULL,
    tenant_id       TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    email           TEXT NOT NULL,
    name            TEXT NOT NULL,
    phone           TEXT,
    company         TEXT,
    notes           TEXT,
    status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('lead', 'active', 'archived')),
    portal_enabled  BOOLEAN NOT NULL DEFAULT 1,
    invited_at      TIMESTAMP,
    last_login_at   TIMESTAMP,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
-- Several clients may share one email inside a tenant (a person with two businesses): no unique key.
CREATE INDEX clients_tenant_email ON clients (tenant_id, email);
CREATE INDEX clients_tenant_name ON clients (tenant_id, name, id);

CREATE TABLE api_keys (
    id            TEXT PRIMARY KEY NOT NULL,
    tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    prefix        TEXT NOT NULL UNIQUE,
    hash          TEXT NOT NULL,
    scopes        TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    last_used_at  TIMESTAMP,
    revoked_at    TIMESTAMP
);
CREATE INDEX api_keys_tenant ON api_keys (tenant_id, id);

CREATE TABLE activity (
    id            TEXT PRIMARY KEY NOT NULL,
    tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    client_id     TEXT REFERENCES clients(id) ON DELETE CASCADE,
    actor_kind    TEXT NOT NULL,
    actor_id      TEXT,
    verb          TEXT NOT NULL,
    subject_type  TEXT NOT NULL,
    subject_id    TEXT NOT NULL,
    data          TEXT NOT NULL DEFAULT '{}',
    at            TIMESTAMP NOT NULL
);
CREATE INDEX activity_tenant_subject ON activity (tenant_id, subject_type, subject_id, id);
CREATE INDEX activity_tenant_client ON activity (tenant_id, client_id, id);
