-- What a session proves, kept with it. `login_email` is the address whose code or link
-- started a client's session: signing a contract or accepting a quote records it, so a
-- later change of the client's email cannot rewrite who proved what. `refresh_seed` lets
-- the server recompute any earlier generation's refresh secret (HMAC under a server key),
-- so only a genuine copied token, not one that merely names the session, counts as reuse.
ALTER TABLE sessions ADD COLUMN login_email TEXT;
ALTER TABLE sessions ADD COLUMN refresh_seed TEXT;
