DROP TABLE form_submissions;
DROP TABLE forms;
DROP INDEX activity_notifications;
DROP TABLE notification_reads;
ALTER TABLE clients DROP COLUMN notifications_read_to;
ALTER TABLE clients DROP COLUMN email_opt_out;
