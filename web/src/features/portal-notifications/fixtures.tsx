import type { ReactNode } from 'react';
import { PortalContext, portalInfo } from '@/lib/portal';
import type { Notification } from './api';

export const branding = {
  slug: 'demo',
  name: 'Lumen Design Studio',
  primary_color: '#4f46e5',
  primary_text_color: '#ffffff',
  accent_color: '#f59e0b',
  login_title: 'Lumen',
  timezone: 'Europe/Berlin',
  locale: 'en-GB',
};

export const base = '/portal/demo';

/** `element` inside the portal of the "demo" tenant. */
export function inPortal(element: ReactNode) {
  return <PortalContext.Provider value={portalInfo(branding, base)}>{element}</PortalContext.Provider>;
}

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
    title: 'New quote Q-2026-0003: Brand refresh',
    detail: null,
    target: { kind: 'quote', id: 'q_1', project_id: null },
    at: '2026-11-20T09:00:00Z',
    read: false,
    ...overrides,
  };
}
