DROP INDEX files_pending;
DROP INDEX files_tenant_message;
ALTER TABLE files DROP COLUMN pending;
ALTER TABLE files DROP COLUMN message_id;
ALTER TABLE files DROP COLUMN thumbnail_key;
