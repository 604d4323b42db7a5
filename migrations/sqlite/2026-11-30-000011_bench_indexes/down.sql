DROP INDEX clients_tenant_id;
