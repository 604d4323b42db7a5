-- Money: quotes (with revisions), contracts with e-signature, invoices and payments, the
-- tenant's billing settings and its online payment providers. Amounts are BIGINT minor units
-- beside a 3-letter ISO 4217 currency; every row carries tenant_id and every index leads
-- with it.

-- One row per tenant once staff change a default (absent means the defaults).
CREATE TABLE billing_settings (
    tenant_id           TEXT PRIMARY KEY NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    quote_prefix        TEXT NOT NULL,
    invoice_prefix      TEXT NOT NULL,
    payment_terms_days  INTEGER NOT NULL,
    quote_valid_days    INTEGER NOT NULL,
    -- Address, tax number, bank details: printed on every quote and invoice.
    billing_details     TEXT,
    updated_at          TIMESTAMP NOT NULL
);

CREATE TABLE quotes (
    id                TEXT PRIMARY KEY NOT NULL,
    tenant_id         TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    client_id         TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    -- Who answers for it: the client's decisions are emailed to them (to the owners and
    -- admins when nobody is set).
    staff_id          TEXT REFERENCES staff(id) ON DELETE SET NULL,
    -- `Q-2026-0001`: given at creation from the tenant's counter, never reused.
    number            TEXT NOT NULL,
    -- 1, then one more each time staff revise it after the client asked for changes.
    revision          INTEGER NOT NULL DEFAULT 1,
    title             TEXT NOT NULL,
    notes             TEXT,
    currency          TEXT NOT NULL,
    subtotal_minor    BIGINT NOT NULL,
    tax_minor         BIGINT NOT NULL,
    total_minor       BIGINT NOT NULL,
    valid_until       DATE NOT NULL,
    -- Expired is not stored: a sent quote whose valid_until has passed is expired.
    status            TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'changes_requested', 'declined')),
    sent_at           TIMESTAMP,
    first_viewed_at   TIMESTAMP,
    last_viewed_at    TIMESTAMP,
    view_count        INTEGER NOT NULL DEFAULT 0,
    decided_at        TIMESTAMP,
    decision_comment  TEXT,
    -- The project the acceptance created.
    project_id        TEXT REFERENCES projects(id) ON DELETE SET NULL,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX quotes_tenant_number ON quotes (tenant_id, number);
CREATE INDEX quotes_tenant_id ON quotes (tenant_id, id);
CREATE INDEX quotes_tenant_client ON quotes (tenant_id, client_id, id);
CREATE INDEX quotes_tenant_status ON quotes (tenant_id, status, id);

-- Line items of quotes and invoices share one shape. Quantity is kept in thousandths
-- (1.5 → 1500); net and tax are the line's amounts, rounded half to even per line.
CREATE TABLE quote_lines (
    id                TEXT PRIMARY KEY NOT NULL,
    tenant_id         TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    quote_id          TEXT NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    description       TEXT NOT NULL,
    quantity_milli    BIGINT NOT NULL,
    unit_price_minor  BIGINT NOT NULL,
    tax_rate_bp       INTEGER NOT NULL,
    discount_bp       INTEGER NOT NULL DEFAULT 0,
    net_minor         BIGINT NOT NULL,
    tax_minor         BIGINT NOT NULL
);
CREATE INDEX quote_lines_tenant_quote ON quote_lines (tenant_id, quote_id, position);

-- A revision the client saw, frozen when staff revise the quote: the old one stays readable.
CREATE TABLE quote_revisions (
    id          TEXT PRIMARY KEY NOT NULL,
    tenant_id   TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    quote_id    TEXT NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    revision    INTEGER NOT NULL,
    -- JSON: title, notes, currency, lines, totals, valid_until, sent_at, status, comment.
    snapshot    TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX quote_revisions_tenant_quote ON quote_revisions (tenant_id, quote_id, revision);

CREATE TABLE contracts (
    id                  TEXT PRIMARY KEY NOT NULL,
    tenant_id           TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    client_id           TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    staff_id            TEXT REFERENCES staff(id) ON DELETE SET NULL,
    title               TEXT NOT NULL,
    -- Markdown, rendered without raw HTML.
    body                TEXT NOT NULL,
    -- Hex SHA-256 of the body's UTF-8 bytes, kept current: the client signs this value.
    body_sha256         TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'signed', 'void')),
    countersign         BOOLEAN NOT NULL DEFAULT 0,
    sent_at             TIMESTAMP,
    first_viewed_at     TIMESTAMP,
    view_count          INTEGER NOT NULL DEFAULT 0,
    signer_name         TEXT,
    signer_email        TEXT,
    signed_at           TIMESTAMP,
    signer_ip           TEXT,
    signer_user_agent   TEXT,
    -- 'typed' (signature holds the typed name), 'svg' (an SVG path) or 'png' (base64).
    signature_kind      TEXT CHECK (signature_kind IN ('typed', 'svg', 'png')),
    signature           TEXT,
    signed_sha256       TEXT,
    countersigner_id    TEXT REFERENCES staff(id) ON DELETE SET NULL,
    countersigner_name  TEXT,
    countersigned_at    TIMESTAMP,
    voided_at           TIMESTAMP,
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL
);
CREATE INDEX contracts_tenant_id ON contracts (tenant_id, id);
CREATE INDEX contracts_tenant_client ON contracts (tenant_id, client_id, id);
CREATE INDEX contracts_tenant_status ON contracts (tenant_id, status, id);

CREATE TABLE invoices (
    id               TEXT PRIMARY KEY NOT NULL,
    tenant_id        TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    client_id        TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    staff_id         TEXT REFERENCES staff(id) ON DELETE SET NULL,
    -- `INV-2026-0001`: given at creation, never reused; an invoice is voided, not deleted.
    number           TEXT NOT NULL,
    title            TEXT NOT NULL,
    notes            TEXT,
    currency         TEXT NOT NULL,
    issue_date       DATE NOT NULL,
    due_date         DATE NOT NULL,
    -- Overdue is not stored: an unpaid, sent invoice past its due date is overdue.
    status           TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'partially_paid', 'paid', 'void')),
    subtotal_minor   BIGINT NOT NULL,
    tax_minor        BIGINT NOT NULL,
    total_minor      BIGINT NOT NULL,
    paid_minor       BIGINT NOT NULL DEFAULT 0,
    quote_id         TEXT REFERENCES quotes(id) ON DELETE SET NULL,
    project_id       TEXT REFERENCES projects(id) ON DELETE SET NULL,
    sent_at          TIMESTAMP,
    first_viewed_at  TIMESTAMP,
    paid_at          TIMESTAMP,
    voided_at        TIMESTAMP,
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX invoices_tenant_number ON invoices (tenant_id, number);
CREATE INDEX invoices_tenant_id ON invoices (tenant_id, id);
CREATE INDEX invoices_tenant_client ON invoices (tenant_id, client_id, id);
CREATE INDEX invoices_tenant_status_due ON invoices (tenant_id, status, due_date);

CREATE TABLE invoice_lines (
    id                TEXT PRIMARY KEY NOT NULL,
    tenant_id         TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    invoice_id        TEXT NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    description       TEXT NOT NULL,
    quantity_milli    BIGINT NOT NULL,
    unit_price_minor  BIGINT NOT NULL,
    tax_rate_bp       INTEGER NOT NULL,
    discount_bp       INTEGER NOT NULL DEFAULT 0,
    net_minor         BIGINT NOT NULL,
    tax_minor         BIGINT NOT NULL
);
CREATE INDEX invoice_lines_tenant_invoice ON invoice_lines (tenant_id, invoice_id, position);

CREATE TABLE payments (
    id            TEXT PRIMARY KEY NOT NULL,
    tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    invoice_id    TEXT NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
    amount_minor  BIGINT NOT NULL CHECK (amount_minor > 0),
    currency      TEXT NOT NULL,
    method        TEXT NOT NULL CHECK (method IN ('bank_transfer', 'cash', 'card', 'other', 'stripe', 'paystack')),
    reference     TEXT,
    -- The provider's id of this payment (Stripe Checkout session, Paystack reference): one
    -- payment per provider payment, however often its webhook arrives.
    provider_ref  TEXT,
    received_at   TIMESTAMP NOT NULL,
    recorded_by   TEXT REFERENCES staff(id) ON DELETE SET NULL,
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX payments_tenant_invoice ON payments (tenant_id, invoice_id, id);
CREATE UNIQUE INDEX payments_tenant_provider_ref ON payments (tenant_id, method, provider_ref);

-- A tenant's online payment provider; keys are encrypted at rest (AES-256-GCM).
CREATE TABLE payment_providers (
    tenant_id       TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    provider        TEXT NOT NULL CHECK (provider IN ('stripe', 'paystack')),
    secret_key      TEXT NOT NULL,
    webhook_secret  TEXT,
    -- The last four characters of the secret key, so staff can tell which key is set.
    key_hint        TEXT NOT NULL,
    enabled         BOOLEAN NOT NULL DEFAULT 1,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, provider)
);

-- A "Pay now" hand-off to a provider: what we asked it to collect, so its webhook can be
-- checked against it.
CREATE TABLE checkout_sessions (
    id            TEXT PRIMARY KEY NOT NULL,
    tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    invoice_id    TEXT NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
    provider      TEXT NOT NULL,
    provider_ref  TEXT NOT NULL,
    amount_minor  BIGINT NOT NULL,
    currency      TEXT NOT NULL,
    checkout_url  TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('open', 'completed', 'rejected')),
    created_at    TIMESTAMP NOT NULL,
    completed_at  TIMESTAMP
);
CREATE UNIQUE INDEX checkout_sessions_tenant_ref ON checkout_sessions (tenant_id, provider, provider_ref);
CREATE INDEX checkout_sessions_tenant_invoice ON checkout_sessions (tenant_id, invoice_id, id);

-- Every provider webhook we received and what we did with it: recorded, duplicate,
-- rejected (bad amount or currency, unknown session), for staff to audit.
CREATE TABLE payment_events (
    id           TEXT PRIMARY KEY NOT NULL,
    tenant_id    TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    provider     TEXT NOT NULL,
    event_id     TEXT NOT NULL,
    event_type   TEXT NOT NULL,
    invoice_id   TEXT REFERENCES invoices(id) ON DELETE SET NULL,
    outcome      TEXT NOT NULL CHECK (outcome IN ('recorded', 'duplicate', 'rejected', 'ignored')),
    detail       TEXT,
    received_at  TIMESTAMP NOT NULL
);
CREATE INDEX payment_events_tenant_id ON payment_events (tenant_id, id);
