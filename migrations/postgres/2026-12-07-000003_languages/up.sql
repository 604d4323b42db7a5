-- The language a business writes to its clients by default, and the one each client and
-- staff member reads (NULL: not chosen yet, so the business's default applies).
ALTER TABLE tenants ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE clients ADD COLUMN language TEXT;
ALTER TABLE staff ADD COLUMN language TEXT;
