import type { ReactNode } from 'react';
import { PortalContext, portalInfo } from '@/lib/portal';
import type { PublicForm } from './api';

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

export const form: PublicForm = {
  slug: 'start',
  title: 'Start a project',
  description: 'A few questions first.',
  fields: [
    { key: 'name', label: 'Your name', kind: 'text', required: true, options: [], help: null },
    { key: 'email', label: 'Your email', kind: 'email', required: true, options: [], help: null },
    { key: 'phone', label: 'Phone', kind: 'phone', required: false, options: [], help: null },
    {
      key: 'service',
      label: 'What do you need?',
      kind: 'select',
      required: true,
      options: ['Logo', 'Website'],
      help: null,
    },
    {
      key: 'message',
      label: 'Your project',
      kind: 'textarea',
      required: true,
      options: [],
      help: 'A few lines.',
    },
    {
      key: 'consent',
      label: 'You may write to me',
      kind: 'checkbox',
      required: true,
      options: [],
      help: null,
    },
  ],
};
