-- In-portal notifications, client email preferences, intake forms.
--
-- Notifications are not stored: they are the client-visible activity rows about what the
-- business did for the client. What is stored is which of them the client has read: every
-- row up to `clients.notifications_read_to` (an activity id; ids are time-ordered), plus
-- the ones read one by one after it.

-- Opting out skips the non-essential emails (notices); login codes, invoices, receipts and
-- signed copies are always sent.
ALTER TABLE clients ADD COLUMN email_opt_out BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE clients ADD COLUMN notifications_read_to TEXT;
-- What happened before notifications existed is not news: it counts as read.
UPDATE clients SET notifications_read_to = (
    SELECT MAX(a.id) FROM activity a WHERE a.tenant_id = clients.tenant_id AND a.client_id = clients.id
);

CREATE TABLE notification_reads (
    tenant_id    TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    client_id    TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    activity_id  TEXT NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
    read_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, client_id, activity_id)
);

-- The notification list walks a client's activity newest first, skipping what the client
-- did themselves (their logins are most of it); the predicate is written the same way in
-- the query so both databases use this index.
CREATE INDEX activity_notifications ON activity (tenant_id, client_id, id) WHERE actor_kind <> 'client';

CREATE TABLE forms (
    id               TEXT PRIMARY KEY NOT NULL,
    tenant_id        TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    -- The last part of its public address, /portal/<tenant>/forms/<slug>.
    slug             TEXT NOT NULL,
    title            TEXT NOT NULL,
    description      TEXT,
    -- JSON array of {key, label, kind, required, options, help}; always holds `name` and `email`.
    fields           TEXT NOT NULL,
    -- Shown to the visitor after a submission.
    success_message  TEXT,
    enabled          BOOLEAN NOT NULL DEFAULT 1,
    notify_staff     BOOLEAN NOT NULL DEFAULT 1,
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX forms_tenant_slug ON forms (tenant_id, slug);
CREATE INDEX forms_tenant_id ON forms (tenant_id, id);

CREATE TABLE form_submissions (
    id           TEXT PRIMARY KEY NOT NULL,
    tenant_id    TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    form_id      TEXT NOT NULL REFERENCES forms(id) ON DELETE CASCADE,
    -- The client it was linked to: an existing one with the email, or the lead it created.
    client_id    TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    created_lead BOOLEAN NOT NULL,
    -- JSON object of the values, by field key.
    data         TEXT NOT NULL,
    ip           TEXT NOT NULL,
    user_agent   TEXT,
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX form_submissions_tenant_form ON form_submissions (tenant_id, form_id, id);
CREATE INDEX form_submissions_tenant_client ON form_submissions (tenant_id, client_id, id);
