import type { ReactNode } from 'react';
import { PortalContext, portalInfo } from '@/lib/portal';
import type { PortalProject, PortalProjectDetail } from './api';

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

export const project: PortalProject = {
  id: 'pr_1',
  name: 'Brand refresh',
  description: 'A new logo, palette and type.\nDelivered as a small brand book.',
  status: 'active',
  client_uploads: true,
  start_date: '2026-11-02',
  due_date: '2026-12-18',
  progress: { done: 3, total: 8, percent: 37 },
  created_at: '2026-11-01T09:00:00Z',
  updated_at: '2026-11-20T09:00:00Z',
};

export const projectDetail: PortalProjectDetail = {
  ...project,
  board: [
    {
      status: 'todo',
      tasks: [
        { id: 'tk_1', title: 'Business cards', status: 'todo', due_date: '2026-12-10' },
        { id: 'tk_2', title: 'Brand book', status: 'todo', due_date: null },
      ],
    },
    { status: 'in_progress', tasks: [{ id: 'tk_3', title: 'Logo concepts', status: 'in_progress' }] },
    { status: 'review', tasks: [] },
    { status: 'query', tasks: [{ id: 'tk_4', title: 'Which photos may we use?', status: 'query' }] },
    {
      status: 'done',
      tasks: [
        { id: 'tk_5', title: 'Kick-off call', status: 'done' },
        { id: 'tk_6', title: 'Moodboard', status: 'done' },
        { id: 'tk_7', title: 'Questionnaire', status: 'done' },
      ],
    },
    { status: 'cancelled', tasks: [] },
  ],
};
