ALTER TABLE sessions DROP COLUMN refresh_seed;
ALTER TABLE sessions DROP COLUMN login_email;
