-- The console's client list sorted newest first (`sort=-created`, i.e. by id descending) had
-- no index leading with the tenant in id order: PostgreSQL's generic plan walked the whole
-- primary key backwards, filtering on tenant_id, which for a small business on a large
-- platform reads every client of every business (found by the query-plan test, tests/api/plans.rs).
CREATE INDEX clients_tenant_id ON clients (tenant_id, id);
