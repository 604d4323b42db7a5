ALTER TABLE tenants DROP COLUMN remember_device;
ALTER TABLE sessions DROP COLUMN persistent;
