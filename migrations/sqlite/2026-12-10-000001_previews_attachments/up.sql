-- Previews and message attachments.

-- A small JPEG of an uploaded image, made on upload and kept in the same store.
ALTER TABLE files ADD COLUMN thumbnail_key TEXT;
-- The message a file was sent with; its visibility follows the message's.
ALTER TABLE files ADD COLUMN message_id TEXT;
-- Uploaded to go with a message not sent yet: listed nowhere, removed after a day unless
-- a message names it.
ALTER TABLE files ADD COLUMN pending BOOLEAN NOT NULL DEFAULT 0;
CREATE INDEX files_tenant_message ON files (tenant_id, message_id);
-- The daily clean-up finds old pending uploads without reading every file.
CREATE INDEX files_pending ON files (pending, created_at);
