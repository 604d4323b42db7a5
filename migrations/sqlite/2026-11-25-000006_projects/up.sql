-- Project work shared with a client: projects and their task board, deliverables the client
-- approves, files, message threads, billable time, feedback; and digital products granted
-- to clients. Every row carries tenant_id, and every index leads with it.

CREATE TABLE projects (
    id                     TEXT PRIMARY KEY NOT NULL,
    tenant_id              TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    client_id              TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    -- The staff member who answers for it: client messages and decisions are emailed to them
    -- (to the owners and admins when nobody is assigned).
    staff_id               TEXT REFERENCES staff(id) ON DELETE SET NULL,
    name                   TEXT NOT NULL,
    description            TEXT,
    status                 TEXT NOT NULL CHECK (status IN ('planned', 'active', 'on_hold', 'completed', 'cancelled')),
    start_date             DATE,
    due_date               DATE,
    client_uploads         BOOLEAN NOT NULL DEFAULT 0,
    created_at             TIMESTAMP NOT NULL,
    updated_at             TIMESTAMP NOT NULL
);
CREATE INDEX projects_tenant_id ON projects (tenant_id, id);
CREATE INDEX projects_tenant_client ON projects (tenant_id, client_id, id);
CREATE INDEX projects_tenant_status ON projects (tenant_id, status, id);

CREATE TABLE tasks (
    id          TEXT PRIMARY KEY NOT NULL,
    tenant_id   TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    project_id  TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('todo', 'in_progress', 'review', 'done', 'query', 'cancelled')),
    position    INTEGER NOT NULL,
    due_date    DATE,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX tasks_tenant_project ON tasks (tenant_id, project_id, position);

CREATE TABLE deliverables (
    id            TEXT PRIMARY KEY NOT NULL,
    tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    project_id    TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    title         TEXT NOT NULL,
    description   TEXT,
    status        TEXT NOT NULL CHECK (status IN ('in_progress', 'submitted', 'approved', 'changes_requested')),
    -- Bumped on every submission: a decision names the round it answers.
    round         INTEGER NOT NULL DEFAULT 0,
    submitted_at  TIMESTAMP,
    decided_at    TIMESTAMP,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX deliverables_tenant_project ON deliverables (tenant_id, project_id, id);
CREATE INDEX deliverables_tenant_status ON deliverables (tenant_id, status, id);

-- What happened to a deliverable, shown to both sides: submissions, approvals, requested
-- changes with the client's comment, reopenings.
CREATE TABLE deliverable_events (
    id              TEXT PRIMARY KEY NOT NULL,
    tenant_id       TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    deliverable_id  TEXT NOT NULL REFERENCES deliverables(id) ON DELETE CASCADE,
    status          TEXT NOT NULL,
    comment         TEXT,
    actor_kind      TEXT NOT NULL,
    actor_id        TEXT,
    at              TIMESTAMP NOT NULL
);
CREATE INDEX deliverable_events_tenant_deliverable ON deliverable_events (tenant_id, deliverable_id, id);

CREATE TABLE products (
    id           TEXT PRIMARY KEY NOT NULL,
    tenant_id    TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    description  TEXT,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX products_tenant_id ON products (tenant_id, id);

-- A stored object. It belongs to a project (and maybe one of its deliverables) or to a
-- product; the bytes live in the object store under `storage_key`, never named after the
-- upload.
CREATE TABLE files (
    id                TEXT PRIMARY KEY NOT NULL,
    tenant_id         TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    project_id        TEXT REFERENCES projects(id) ON DELETE CASCADE,
    deliverable_id    TEXT REFERENCES deliverables(id) ON DELETE SET NULL,
    product_id        TEXT REFERENCES products(id) ON DELETE CASCADE,
    storage_key       TEXT NOT NULL UNIQUE,
    name              TEXT NOT NULL,
    content_type      TEXT NOT NULL,
    size              BIGINT NOT NULL,
    sha256            TEXT NOT NULL,
    client_visible    BOOLEAN NOT NULL DEFAULT 0,
    uploaded_by_kind  TEXT NOT NULL,
    uploaded_by_id    TEXT,
    created_at        TIMESTAMP NOT NULL
);
CREATE INDEX files_tenant_project ON files (tenant_id, project_id, id);
CREATE INDEX files_tenant_deliverable ON files (tenant_id, deliverable_id);
CREATE INDEX files_tenant_product ON files (tenant_id, product_id);

CREATE TABLE purchases (
    id          TEXT PRIMARY KEY NOT NULL,
    tenant_id   TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    product_id  TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    client_id   TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    granted_at  TIMESTAMP NOT NULL,
    UNIQUE (tenant_id, product_id, client_id)
);
CREATE INDEX purchases_tenant_client ON purchases (tenant_id, client_id, id);

CREATE TABLE threads (
    id               TEXT PRIMARY KEY NOT NULL,
    tenant_id        TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    project_id       TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    title            TEXT NOT NULL,
    created_at       TIMESTAMP NOT NULL,
    last_message_at  TIMESTAMP NOT NULL
);
CREATE INDEX threads_tenant_project ON threads (tenant_id, project_id, last_message_at);

CREATE TABLE messages (
    id           TEXT PRIMARY KEY NOT NULL,
    tenant_id    TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    thread_id    TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    author_kind  TEXT NOT NULL CHECK (author_kind IN ('staff', 'client')),
    author_id    TEXT NOT NULL,
    body         TEXT NOT NULL,
    -- A staff note the client never sees.
    internal     BOOLEAN NOT NULL DEFAULT 0,
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX messages_tenant_thread ON messages (tenant_id, thread_id, id);

-- How far each reader has read a thread; ids are time-ordered (UUIDv7), so "unread" is
-- "newer than last_read_id".
CREATE TABLE thread_reads (
    tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    thread_id     TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    reader_kind   TEXT NOT NULL,
    reader_id     TEXT NOT NULL,
    last_read_id  TEXT NOT NULL,
    PRIMARY KEY (thread_id, reader_kind, reader_id)
);

CREATE TABLE time_logs (
    id                 TEXT PRIMARY KEY NOT NULL,
    tenant_id          TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    project_id         TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    staff_id           TEXT REFERENCES staff(id) ON DELETE SET NULL,
    work_date          DATE NOT NULL,
    minutes            INTEGER NOT NULL,
    description        TEXT NOT NULL,
    billable           BOOLEAN NOT NULL,
    hourly_rate_minor  BIGINT,
    created_at         TIMESTAMP NOT NULL,
    updated_at         TIMESTAMP NOT NULL
);
CREATE INDEX time_logs_tenant_project ON time_logs (tenant_id, project_id, work_date);

-- At most one request per project; answered once.
CREATE TABLE feedback (
    id            TEXT PRIMARY KEY NOT NULL,
    tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    project_id    TEXT NOT NULL UNIQUE REFERENCES projects(id) ON DELETE CASCADE,
    client_id     TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    requested_at  TIMESTAMP NOT NULL,
    rating        INTEGER CHECK (rating BETWEEN 1 AND 5),
    comment       TEXT,
    submitted_at  TIMESTAMP
);
CREATE INDEX feedback_tenant_client ON feedback (tenant_id, client_id, id);
