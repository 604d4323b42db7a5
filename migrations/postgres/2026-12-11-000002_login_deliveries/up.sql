-- Login codes, links and invitations are tagged with what they were for and whom they went
-- to, so staff can see on a client's page whether their last login messages left ("I got
-- no code"). Other messages leave both NULL. `bounced`: the receiving mail server refused the
-- message for good (a 5xx), so it was given up at once instead of retried for a day.
ALTER TABLE outbox ADD COLUMN purpose TEXT;
ALTER TABLE outbox ADD COLUMN recipient TEXT;
ALTER TABLE outbox ADD COLUMN bounced BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX outbox_recipient ON outbox (tenant_id, recipient, created_at) WHERE recipient IS NOT NULL;
