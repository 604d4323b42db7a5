import type { Notification } from './api';

export { base, branding, inPortal } from '@/test/portal';

export const me = {
  id: 'cl_1',
  name: 'Maria Lopez',
  email: 'maria@example.com',
  phone: null,
  company: null,
  email_opt_out: false,
  impersonated: false,
  tenant_name: 'Lumen Design Studio',
  tenant_slug: 'demo',
};

export function aNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: 'n_1',
    kind: 'quote_sent',
    // eslint-disable-next-line no-restricted-syntax -- test data: a title as the API sends it, not the app's text
    title: 'New quote Q-2026-0003: Brand refresh',
    detail: null,
    target: { kind: 'quote', id: 'q_1', project_id: null },
    at: '2026-11-20T09:00:00Z',
    read: false,
    ...overrides,
  };
}
