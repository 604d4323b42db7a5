import type { Client } from './api';

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
