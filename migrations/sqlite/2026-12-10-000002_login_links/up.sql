-- One-click login links made by an integrator for one client (POST /clients/{id}/login-links):
-- the client the link was made for, so its use is logged against them. NULL for the links
-- of login emails and invitations.
ALTER TABLE login_codes ADD COLUMN client_id TEXT;
