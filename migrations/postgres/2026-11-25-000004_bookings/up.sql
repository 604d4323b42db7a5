-- Bookings: the services a tenant offers, its booking settings, appointments and reviews.
-- Appointment status history lives in `activity`, not here.

CREATE TABLE services (
    id                TEXT PRIMARY KEY NOT NULL,
    tenant_id         TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    description       TEXT,
    duration_minutes  INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
    price_minor       BIGINT NOT NULL CHECK (price_minor >= 0),
    currency          TEXT NOT NULL,
    active            BOOLEAN NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL
);
CREATE INDEX services_tenant_name ON services (tenant_id, name, id);

-- One row per tenant once its settings are saved; until then the defaults apply.
-- Opening hours and closed days are JSON text: they are read and written whole.
CREATE TABLE booking_settings (
    tenant_id                  TEXT PRIMARY KEY NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    weekly_hours               TEXT NOT NULL,
    closed_days                TEXT NOT NULL,
    cancellation_cutoff_hours  INTEGER NOT NULL,
    slot_step_minutes          INTEGER NOT NULL,
    location                   TEXT,
    updated_at                 TIMESTAMP NOT NULL
);

CREATE TABLE appointments (
    id             TEXT PRIMARY KEY NOT NULL,
    tenant_id      TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    client_id      TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    service_id     TEXT NOT NULL REFERENCES services(id),
    staff_id       TEXT REFERENCES staff(id) ON DELETE SET NULL,
    starts_at      TIMESTAMP NOT NULL,
    ends_at        TIMESTAMP NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled', 'completed', 'no_show')),
    location       TEXT,
    notes          TEXT,
    cancel_reason  TEXT,
    cancelled_by   TEXT CHECK (cancelled_by IN ('client', 'staff')),
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX appointments_tenant_start ON appointments (tenant_id, starts_at, id);
CREATE INDEX appointments_tenant_client ON appointments (tenant_id, client_id, starts_at);
CREATE INDEX appointments_tenant_staff ON appointments (tenant_id, staff_id, starts_at);
-- Second line of defence behind the overlap check: one live booking per staff member and start.
CREATE UNIQUE INDEX appointments_staff_start_live ON appointments (tenant_id, staff_id, starts_at)
    WHERE status IN ('pending', 'confirmed') AND staff_id IS NOT NULL;

CREATE TABLE reviews (
    id              TEXT PRIMARY KEY NOT NULL,
    tenant_id       TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    appointment_id  TEXT NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
    client_id       TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    rating          INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    text            TEXT,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    created_at      TIMESTAMP NOT NULL,
    moderated_at    TIMESTAMP
);
-- One review per appointment.
CREATE UNIQUE INDEX reviews_appointment ON reviews (tenant_id, appointment_id);
CREATE INDEX reviews_tenant_status ON reviews (tenant_id, status, id);
