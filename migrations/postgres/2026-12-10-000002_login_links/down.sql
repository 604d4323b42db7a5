ALTER TABLE login_codes DROP COLUMN client_id;
