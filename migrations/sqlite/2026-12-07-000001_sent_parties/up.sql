-- Who a document is addressed to and who issues it, frozen when it is sent: a sent quote,
-- contract or invoice must not change when the client edits their company or the business
-- its letterhead. JSON of `money::parties::{Addressee, Issuer}`; NULL while a draft (drafts
-- follow the client). Clients get the billing address and tax ID EU invoices require.
ALTER TABLE clients ADD COLUMN billing_address TEXT;
ALTER TABLE clients ADD COLUMN tax_id TEXT;
ALTER TABLE quotes ADD COLUMN addressee TEXT;
ALTER TABLE quotes ADD COLUMN issuer TEXT;
ALTER TABLE contracts ADD COLUMN addressee TEXT;
ALTER TABLE contracts ADD COLUMN issuer TEXT;
ALTER TABLE invoices ADD COLUMN addressee TEXT;
ALTER TABLE invoices ADD COLUMN issuer TEXT;

-- Documents sent before this migration: the best record left is today's client and letterhead.
UPDATE quotes SET
  addressee = (SELECT json_object('id', c.id, 'name', c.name, 'company', c.company, 'email', c.email,
      'billing_address', NULL, 'tax_id', NULL) FROM clients c WHERE c.id = quotes.client_id),
  issuer = (SELECT json_object('business_name', t.name, 'primary_color', t.primary_color,
      'details', (SELECT b.billing_details FROM billing_settings b WHERE b.tenant_id = t.id))
    FROM tenants t WHERE t.id = quotes.tenant_id)
WHERE sent_at IS NOT NULL;
UPDATE contracts SET
  addressee = (SELECT json_object('id', c.id, 'name', c.name, 'company', c.company, 'email', c.email,
      'billing_address', NULL, 'tax_id', NULL) FROM clients c WHERE c.id = contracts.client_id),
  issuer = (SELECT json_object('business_name', t.name, 'primary_color', t.primary_color,
      'details', (SELECT b.billing_details FROM billing_settings b WHERE b.tenant_id = t.id))
    FROM tenants t WHERE t.id = contracts.tenant_id)
WHERE sent_at IS NOT NULL;
UPDATE invoices SET
  addressee = (SELECT json_object('id', c.id, 'name', c.name, 'company', c.company, 'email', c.email,
      'billing_address', NULL, 'tax_id', NULL) FROM clients c WHERE c.id = invoices.client_id),
  issuer = (SELECT json_object('business_name', t.name, 'primary_color', t.primary_color,
      'details', (SELECT b.billing_details FROM billing_settings b WHERE b.tenant_id = t.id))
    FROM tenants t WHERE t.id = invoices.tenant_id)
WHERE sent_at IS NOT NULL;
