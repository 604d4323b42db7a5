DROP INDEX outbox_recipient;
ALTER TABLE outbox DROP COLUMN bounced;
ALTER TABLE outbox DROP COLUMN recipient;
ALTER TABLE outbox DROP COLUMN purpose;
