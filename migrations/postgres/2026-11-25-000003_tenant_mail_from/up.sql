-- A tenant may send its emails from its own address (its SMTP relay must allow it).
ALTER TABLE tenants ADD COLUMN mail_from TEXT;
