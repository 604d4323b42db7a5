ALTER TABLE staff DROP COLUMN language;
ALTER TABLE clients DROP COLUMN language;
ALTER TABLE tenants DROP COLUMN language;
