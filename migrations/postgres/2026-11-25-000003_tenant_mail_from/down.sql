ALTER TABLE tenants DROP COLUMN mail_from;
