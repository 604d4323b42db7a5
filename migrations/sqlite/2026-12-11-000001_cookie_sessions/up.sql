-- Browser sessions kept in an HttpOnly cookie: a session the person asked to keep on this
-- device ("keep me signed in") lasts 30 days and ignores the idle limit; the others end with
-- the browser. A business may refuse the long kind for its portal and its staff.
ALTER TABLE sessions ADD COLUMN persistent BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE tenants ADD COLUMN remember_device BOOLEAN NOT NULL DEFAULT 1;
