-- Service orders (repairs, jobs) with their lines and status history, and the per-tenant
-- counters their numbers come from.

-- One row per (tenant, kind of document), bumped inside the transaction that creates the
-- document, so numbers have no gaps and no duplicates. Invoices and quotes will share it.
CREATE TABLE counters (
    tenant_id  TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    value      BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, kind)
);

CREATE TABLE service_orders (
    id                    TEXT PRIMARY KEY NOT NULL,
    tenant_id             TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    client_id             TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    number                BIGINT NOT NULL,
    title                 TEXT NOT NULL,
    description           TEXT,
    currency              TEXT NOT NULL,
    estimated_completion  DATE,
    status                TEXT NOT NULL CHECK (status IN ('received', 'in_progress', 'ready', 'delivered', 'cancelled')),
    status_changed_at     TIMESTAMP NOT NULL,
    created_at            TIMESTAMP NOT NULL,
    updated_at            TIMESTAMP NOT NULL,
    UNIQUE (tenant_id, number)
);
CREATE INDEX service_orders_tenant_id ON service_orders (tenant_id, id);
CREATE INDEX service_orders_tenant_client ON service_orders (tenant_id, client_id, id);
CREATE INDEX service_orders_tenant_status ON service_orders (tenant_id, status, id);

CREATE TABLE service_order_lines (
    id                TEXT PRIMARY KEY NOT NULL,
    tenant_id         TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    service_order_id  TEXT NOT NULL REFERENCES service_orders(id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    description       TEXT NOT NULL,
    quantity          BIGINT NOT NULL,
    unit_price_minor  BIGINT NOT NULL
);
CREATE INDEX service_order_lines_tenant_order ON service_order_lines (tenant_id, service_order_id, position);

-- The status history shown to staff and the client (the audit trail stays in activity).
CREATE TABLE service_order_events (
    id                TEXT PRIMARY KEY NOT NULL,
    tenant_id         TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    service_order_id  TEXT NOT NULL REFERENCES service_orders(id) ON DELETE CASCADE,
    status            TEXT NOT NULL,
    note              TEXT,
    at                TIMESTAMP NOT NULL
);
CREATE INDEX service_order_events_tenant_order ON service_order_events (tenant_id, service_order_id, id);
