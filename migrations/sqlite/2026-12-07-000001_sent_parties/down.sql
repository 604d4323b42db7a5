ALTER TABLE invoices DROP COLUMN issuer;
ALTER TABLE invoices DROP COLUMN addressee;
ALTER TABLE contracts DROP COLUMN issuer;
ALTER TABLE contracts DROP COLUMN addressee;
ALTER TABLE quotes DROP COLUMN issuer;
ALTER TABLE quotes DROP COLUMN addressee;
ALTER TABLE clients DROP COLUMN tax_id;
ALTER TABLE clients DROP COLUMN billing_address;
