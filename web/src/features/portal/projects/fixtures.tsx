import type { components } from '@/api/schema';
import type { Deliverable, PortalProject, PortalProjectDetail } from './api';

type PortalMe = components['schemas']['PortalMe'];

export { base, branding, inPortal } from '@/test/portal';

/** The sample's own words (what a business would have typed), not text the app shows. */
const sample = {
  about: 'A new logo, palette and type.\nDelivered as a small brand book.',
  cards: 'Business cards',
  book: 'Brand book',
  concepts: 'Logo concepts',
  photos: 'Which photos may we use?',
  kickOff: 'Kick-off call',
  moodboard: 'Moodboard',
  questionnaire: 'Questionnaire',
  directions: 'Three directions.\nPick one, or ask for changes.',
  feedback: 'Design feedback',
};

export const project: PortalProject = {
  id: 'pr_1',
  name: 'Brand refresh',
  description: sample.about,
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
        { id: 'tk_1', title: sample.cards, status: 'todo', due_date: '2026-12-10' },
        { id: 'tk_2', title: sample.book, status: 'todo', due_date: null },
      ],
    },
    { status: 'in_progress', tasks: [{ id: 'tk_3', title: sample.concepts, status: 'in_progress' }] },
    { status: 'review', tasks: [] },
    { status: 'query', tasks: [{ id: 'tk_4', title: sample.photos, status: 'query' }] },
    {
      status: 'done',
      tasks: [
        { id: 'tk_5', title: sample.kickOff, status: 'done' },
        { id: 'tk_6', title: sample.moodboard, status: 'done' },
        { id: 'tk_7', title: sample.questionnaire, status: 'done' },
      ],
    },
    { status: 'cancelled', tasks: [] },
  ],
};

export const submitted: Deliverable = {
  id: 'dl_1',
  project_id: 'pr_1',
  title: sample.concepts,
  description: sample.directions,
  status: 'submitted',
  round: 1,
  submitted_at: '2026-11-20T10:00:00Z',
  decided_at: null,
  created_at: '2026-11-10T10:00:00Z',
  updated_at: '2026-11-20T10:00:00Z',
  files: [
    {
      id: 'fl_1',
      name: 'logo-concepts.pdf',
      size: 482133,
      content_type: 'application/pdf',
      created_at: '2026-11-20T10:00:00Z',
    },
  ],
  history: [
    {
      at: '2026-11-20T10:00:00Z',
      event: 'submitted',
      comment: 'Round one',
      actor_kind: 'staff',
      actor_id: 'st_1',
    },
  ],
};

export const approved: Deliverable = {
  ...submitted,
  id: 'dl_2',
  title: sample.moodboard,
  description: null,
  status: 'approved',
  files: [],
  history: [
    { at: '2026-11-05T10:00:00Z', event: 'submitted', comment: null, actor_kind: 'staff', actor_id: 'st_1' },
    {
      at: '2026-11-06T10:00:00Z',
      event: 'changes_requested',
      comment: 'Warmer colours, please.',
      actor_kind: 'client',
      actor_id: 'cl_1',
    },
    { at: '2026-11-07T10:00:00Z', event: 'submitted', comment: null, actor_kind: 'staff', actor_id: 'st_1' },
    { at: '2026-11-08T10:00:00Z', event: 'approved', comment: null, actor_kind: 'client', actor_id: 'cl_1' },
  ],
  round: 2,
};

export const client: PortalMe = {
  id: 'cl_1',
  name: 'Maria Lopez',
  email: 'maria@example.com',
  phone: null,
  company: null,
  impersonated: false,
  email_opt_out: false,
  tenant_name: 'Lumen Design Studio',
  tenant_slug: 'demo',
  tenant_language: 'en' as const,
  time_zone: null,
  tenant_time_zone: 'Europe/Berlin',
};

export const thread = {
  id: 'th_1',
  project_id: 'pr_1',
  title: sample.feedback,
  message_count: 2,
  last_message_at: '2026-11-21T15:00:00Z',
  last_message: 'Here is the second round, with the warmer red.',
  unread_count: 1,
  created_at: '2026-11-20T09:00:00Z',
};

export const messages = [
  {
    id: 'ms_1',
    thread_id: 'th_1',
    author_kind: 'client' as const,
    author_name: 'Maria Lopez',
    body: 'Could the red be warmer?',
    created_at: '2026-11-20T09:00:00Z',
  },
  {
    id: 'ms_2',
    thread_id: 'th_1',
    author_kind: 'staff' as const,
    author_name: 'Anna Weber',
    body: 'Here is the second round,\nwith the warmer red. <b>not bold</b>',
    created_at: '2026-11-21T15:00:00Z',
  },
];
