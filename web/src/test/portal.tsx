import type { ReactNode } from 'react';
import { PortalContext, portalInfo } from '@/lib/portal';

/** The "demo" tenant's branding, as the portal's tests render it. */
export const branding = {
  slug: 'demo',
  name: 'Lumen Design Studio',
  primary_color: '#4f46e5',
  primary_text_color: '#ffffff',
  accent_color: '#f59e0b',
  login_title: 'Lumen',
  timezone: 'Europe/Berlin',
  locale: 'en-GB',
  language: 'en' as const,
  sms_login: false,
  remember_device: true,
};

export const base = '/portal/demo';

/** `element` inside the portal of the "demo" tenant. */
export function inPortal(element: ReactNode) {
  return <PortalContext.Provider value={portalInfo(branding, base)}>{element}</PortalContext.Provider>;
}
