-- Staff work from one place: templates the business starts documents from, and a quote
-- that knows the project it was written for.

-- One row per template. `content` is JSON whose shape follows `kind`:
--   project  {description, tasks: [{title}], deliverables: [{title, description}]}
--   quote    {title, notes, lines: [{description, quantity, unit_price_minor, tax_rate_bp}]}
--   contract {title, body}            (Markdown with merge fields such as {{client.name}})
--   email    {subject, body}
CREATE TABLE templates (
    id          TEXT PRIMARY KEY NOT NULL,
    tenant_id   TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    content     TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX templates_tenant_kind_name ON templates (tenant_id, kind, name);

-- The quote was written for this running project (staff chose it): accepting it adds to
-- that project instead of starting one, and undoing the acceptance keeps the link.
ALTER TABLE quotes ADD COLUMN project_chosen BOOLEAN NOT NULL DEFAULT FALSE;

-- The console's home page reads the business's latest activity, whoever it is about.
CREATE INDEX activity_tenant_latest ON activity (tenant_id, id);
