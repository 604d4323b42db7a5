-- Outbound webhooks: the endpoints integrators register, each event sent to them (the
-- message, kept once so a resend carries the same id and body), and a log row for every
-- delivery attempt. Every row carries tenant_id and every index leads with it.

CREATE TABLE webhook_endpoints (
    id              TEXT PRIMARY KEY NOT NULL,
    tenant_id       TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    url             TEXT NOT NULL,
    description     TEXT,
    -- Space-separated event types, e.g. `quote.accepted invoice.paid`.
    events          TEXT NOT NULL,
    enabled         BOOLEAN NOT NULL DEFAULT 1,
    -- The signing secret (`whsec_…`), sealed by the vault; shown to staff once.
    secret          TEXT NOT NULL,
    -- Set when a message ran out of retries; cleared by the next success.
    failing_since   TIMESTAMP,
    last_success_at TIMESTAMP,
    last_failure_at TIMESTAMP,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
-- Every domain change asks "does this tenant have enabled endpoints?": one index seek.
CREATE INDEX webhook_endpoints_tenant_enabled ON webhook_endpoints (tenant_id, enabled, id);

-- One event as sent: the exact body every attempt and resend signs.
CREATE TABLE webhook_messages (
    -- `msg_…`, the `webhook-id` header: receivers deduplicate on it.
    id          TEXT PRIMARY KEY NOT NULL,
    tenant_id   TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    event_type  TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX webhook_messages_tenant ON webhook_messages (tenant_id, id);

-- One row per HTTP attempt (or per attempt refused before sending).
CREATE TABLE webhook_deliveries (
    id           TEXT PRIMARY KEY NOT NULL,
    tenant_id    TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    endpoint_id  TEXT NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
    message_id   TEXT NOT NULL REFERENCES webhook_messages(id) ON DELETE CASCADE,
    event_type   TEXT NOT NULL,
    -- 1 for the first try of a message (or of a resend), then one more per retry.
    attempt      INTEGER NOT NULL,
    -- The receiver's HTTP status; NULL when no answer came (refused, timeout, no connection).
    status_code  INTEGER,
    delivered    BOOLEAN NOT NULL,
    duration_ms  BIGINT NOT NULL,
    error        TEXT,
    at           TIMESTAMP NOT NULL
);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (tenant_id, endpoint_id, id);
CREATE INDEX webhook_deliveries_message ON webhook_deliveries (tenant_id, message_id);
