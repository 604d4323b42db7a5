DROP INDEX activity_tenant_latest;
DROP TABLE templates;
ALTER TABLE quotes DROP COLUMN project_chosen;
