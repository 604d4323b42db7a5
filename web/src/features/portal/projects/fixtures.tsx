import type { components } from '@/api/schema';
import type { ApiStubs } from '@/test/testing';
import type { Deliverable, PortalFile, PortalMessage, PortalProject, PortalProjectDetail } from './api';

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
      preview: 'pdf',
      thumbnail: false,
      created_at: '2026-11-20T10:00:00Z',
    },
    {
      id: 'fl_3',
      name: 'swatches.png',
      size: 96_000,
      content_type: 'image/png',
      preview: 'image',
      thumbnail: true,
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

export const messages: PortalMessage[] = [
  {
    id: 'ms_1',
    thread_id: 'th_1',
    author_kind: 'client' as const,
    author_name: 'Maria Lopez',
    body: 'Could the red be warmer?',
    attachments: [],
    created_at: '2026-11-20T09:00:00Z',
  },
  {
    id: 'ms_2',
    thread_id: 'th_1',
    author_kind: 'staff' as const,
    author_name: 'Anna Weber',
    body: 'Here is the second round,\nwith the warmer red. <b>not bold</b>',
    attachments: [],
    created_at: '2026-11-21T15:00:00Z',
  },
];

/** Files a message carries: an image (with a thumbnail) and a PDF. */
export const attachments = [
  {
    id: 'fl_7',
    name: 'red-round-2.png',
    content_type: 'image/png',
    size: 120_000,
    preview: 'image',
    thumbnail: true,
  },
  {
    id: 'fl_8',
    name: 'print-proof.pdf',
    content_type: 'application/pdf',
    size: 2_400_000,
    preview: 'pdf',
    thumbnail: false,
  },
] satisfies PortalMessage['attachments'];

/** The files shared on the project: text (download only), an image and a PDF, one sent in a message. */
export const sharedFiles: PortalFile[] = [
  {
    id: 'fl_1',
    deliverable_id: null,
    message_id: null,
    name: 'brand-brief.txt',
    content_type: 'text/plain',
    size: 2048,
    sha256: 'ab'.repeat(32),
    preview: null,
    thumbnail: false,
    uploaded_by_you: false,
    created_at: '2026-11-12T09:30:00Z',
  },
  {
    id: 'fl_3',
    deliverable_id: 'dl_1',
    message_id: null,
    name: 'swatches.png',
    content_type: 'image/png',
    size: 96_000,
    sha256: 'cd'.repeat(32),
    preview: 'image',
    thumbnail: true,
    uploaded_by_you: false,
    created_at: '2026-11-20T10:00:00Z',
  },
  {
    id: 'fl_8',
    deliverable_id: null,
    message_id: 'ms_2',
    name: 'print-proof.pdf',
    content_type: 'application/pdf',
    size: 2_400_000,
    sha256: 'ef'.repeat(32),
    preview: 'pdf',
    thumbnail: false,
    uploaded_by_you: false,
    created_at: '2026-11-21T15:00:00Z',
  },
];

/**
 * Answers for a file's thumbnail (a small JPEG) and its short-lived link, for each of `ids`;
 * `/link` answers an address the test can recognise (`/content/{id}`).
 */
export function previewStubs(...ids: string[]): ApiStubs {
  return Object.fromEntries(
    ids.flatMap((id) => [
      [
        `GET /api/v1/portal/files/${id}/thumbnail`,
        { raw: new Blob(['jpeg'], { type: 'image/jpeg' }), headers: { 'content-type': 'image/jpeg' } },
      ],
      [
        `GET /api/v1/portal/files/${id}/link`,
        { body: { url: `/api/v1/files/${id}/content?token=t0k3n`, expires_at: '2026-11-25T20:05:00Z' } },
      ],
    ]),
  );
}

export { stubObjectUrls } from '@/test/objectUrls';
