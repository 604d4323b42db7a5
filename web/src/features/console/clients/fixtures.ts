/* eslint-disable no-restricted-syntax -- sample API data for the tests, not text the app writes */
import type { Client, ClientOverview } from './api';

export function aClient(overrides: Partial<Client> = {}): Client {
  return {
    id: 'cl_1',
    name: 'Maria Lopez',
    email: 'maria@example.com',
    phone: '+34 612 345 678',
    company: 'Lopez Design SL',
    notes: null,
    status: 'active',
    portal_enabled: true,
    email_opt_out: false,
    invited_at: null,
    last_login_at: null,
    created_at: '2025-03-01T10:00:00Z',
    updated_at: '2025-03-01T10:00:00Z',
    ...overrides,
  };
}

/** A client with something of every kind, and more quotes, appointments and files than the page lists. */
export function anOverview(overrides: Partial<ClientOverview> = {}): ClientOverview {
  return {
    client_id: 'cl_1',
    counts: {
      appointments: 60,
      service_orders: 2,
      projects: 1,
      quotes: 30,
      contracts: 1,
      invoices: 2,
      files: 40,
      threads: 1,
    },
    upcoming_appointments: [
      {
        id: 'ap_2',
        service_name: 'Follow-up call',
        staff_name: 'Jo Park',
        status: 'confirmed',
        starts_at: '2026-12-03T09:00:00Z',
        ends_at: '2026-12-03T09:30:00Z',
      },
    ],
    past_appointments: [
      {
        id: 'ap_1',
        service_name: 'Kick-off meeting',
        staff_name: null,
        status: 'completed',
        starts_at: '2026-11-02T14:00:00Z',
        ends_at: '2026-11-02T15:00:00Z',
      },
    ],
    service_orders: [
      {
        id: 'so_7',
        number: 7,
        title: 'Print run: 200 brochures',
        status: 'in_progress',
        updated_at: '2026-11-20T10:00:00Z',
      },
      {
        id: 'so_6',
        number: 6,
        title: 'Business cards',
        status: 'delivered',
        updated_at: '2026-10-01T10:00:00Z',
      },
    ],
    projects: [
      {
        id: 'pr_1',
        name: 'Brand refresh',
        status: 'on_hold',
        due_date: '2026-12-01',
        updated_at: '2026-11-20T10:00:00Z',
      },
    ],
    quotes: [
      {
        id: 'qu_2',
        number: 'Q-2026-0002',
        title: 'Website',
        status: 'sent',
        total_minor: 120000,
        currency: 'EUR',
        valid_until: '2026-12-15',
        sent_at: '2026-11-15T10:00:00Z',
        project_id: null,
      },
      {
        id: 'qu_1',
        number: 'Q-2026-0001',
        title: 'Brand refresh',
        status: 'accepted',
        total_minor: 250000,
        currency: 'EUR',
        valid_until: '2026-10-30',
        sent_at: '2026-10-01T10:00:00Z',
        project_id: 'pr_1',
      },
    ],
    contracts: [
      {
        id: 'co_1',
        title: 'Design agreement',
        status: 'signed',
        sent_at: '2026-10-02T10:00:00Z',
        signed_at: '2026-10-03T08:00:00Z',
      },
    ],
    invoices: [
      {
        id: 'in_2',
        number: 'INV-2026-0002',
        title: 'Deposit',
        status: 'partially_paid',
        total_minor: 80000,
        due_minor: 50000,
        currency: 'EUR',
        due_date: '2026-11-01',
        overdue: true,
      },
      {
        id: 'in_1',
        number: 'INV-2026-0001',
        title: 'Hosting',
        status: 'sent',
        total_minor: 10000,
        due_minor: 10000,
        currency: 'USD',
        due_date: '2026-12-30',
        overdue: false,
      },
    ],
    outstanding: [
      { currency: 'EUR', amount_minor: 50000, overdue_minor: 50000 },
      { currency: 'USD', amount_minor: 10000, overdue_minor: 0 },
    ],
    files: [
      {
        id: 'fi_1',
        name: 'logo-final.svg',
        content_type: 'image/svg+xml',
        size: 48000,
        preview: null,
        thumbnail: false,
        project_id: 'pr_1',
        project_name: 'Brand refresh',
        client_visible: true,
        created_at: '2026-11-10T10:00:00Z',
      },
      {
        id: 'fi_2',
        name: 'costs.xlsx',
        content_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        size: 820,
        preview: null,
        thumbnail: false,
        project_id: 'pr_1',
        project_name: 'Brand refresh',
        client_visible: false,
        created_at: '2026-11-09T10:00:00Z',
      },
    ],
    threads: [
      {
        id: 'th_1',
        title: 'Colours',
        project_id: 'pr_1',
        project_name: 'Brand refresh',
        last_message_at: '2026-11-21T16:30:00Z',
      },
    ],
    ...overrides,
  };
}

/** A client with nothing yet. */
export function anEmptyOverview(): ClientOverview {
  return anOverview({
    counts: {
      appointments: 0,
      service_orders: 0,
      projects: 0,
      quotes: 0,
      contracts: 0,
      invoices: 0,
      files: 0,
      threads: 0,
    },
    upcoming_appointments: [],
    past_appointments: [],
    service_orders: [],
    projects: [],
    quotes: [],
    contracts: [],
    invoices: [],
    outstanding: [],
    files: [],
    threads: [],
  });
}
