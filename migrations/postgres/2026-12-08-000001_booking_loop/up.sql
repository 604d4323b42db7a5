-- Clients book for themselves: the rules a business sets for it, which services visitors
-- may book, each client's time zone, a sequence number per appointment for calendar
-- updates, the reminders due, and private calendar feeds.

ALTER TABLE booking_settings ADD COLUMN min_notice_minutes INTEGER NOT NULL DEFAULT 60;
ALTER TABLE booking_settings ADD COLUMN max_days_ahead INTEGER NOT NULL DEFAULT 60;
ALTER TABLE booking_settings ADD COLUMN buffer_before_minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE booking_settings ADD COLUMN buffer_after_minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE booking_settings ADD COLUMN requires_confirmation BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE booking_settings ADD COLUMN public_booking BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE booking_settings ADD COLUMN new_client_status TEXT NOT NULL DEFAULT 'active';
-- JSON list of minutes before the start, e.g. [1440, 120].
ALTER TABLE booking_settings ADD COLUMN reminder_offsets TEXT NOT NULL DEFAULT '[1440,120]';
ALTER TABLE booking_settings ADD COLUMN sms_notices BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE services ADD COLUMN public_booking BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE services ADD COLUMN daily_cap INTEGER;

-- Raised by every change a calendar must apply (RFC 5545 SEQUENCE).
ALTER TABLE appointments ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;

-- IANA zone the client reads times in (NULL: the business's).
ALTER TABLE clients ADD COLUMN time_zone TEXT;

-- One row per reminder of a live appointment; sent_at is set in the same transaction that
-- queues the message, so each is sent once whatever the number of processes.
CREATE TABLE appointment_reminders (
    id              TEXT PRIMARY KEY NOT NULL,
    tenant_id       TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    appointment_id  TEXT NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
    offset_minutes  INTEGER NOT NULL,
    due_at          TIMESTAMP NOT NULL,
    sent_at         TIMESTAMP
);
CREATE UNIQUE INDEX appointment_reminders_once ON appointment_reminders (tenant_id, appointment_id, offset_minutes);
-- The scheduler looks across tenants for what is due: the one index not led by tenant_id.
CREATE INDEX appointment_reminders_due ON appointment_reminders (due_at) WHERE sent_at IS NULL;

-- A private calendar subscription: the URL holds a token whose hash is kept here.
CREATE TABLE calendar_feeds (
    id            TEXT PRIMARY KEY NOT NULL,
    tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    owner_kind    TEXT NOT NULL CHECK (owner_kind IN ('staff', 'client')),
    owner_id      TEXT NOT NULL,
    token_hash    TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    last_used_at  TIMESTAMP
);
CREATE UNIQUE INDEX calendar_feeds_owner ON calendar_feeds (tenant_id, owner_kind, owner_id);
CREATE UNIQUE INDEX calendar_feeds_token ON calendar_feeds (token_hash);
