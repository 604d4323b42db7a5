import type { Reply } from '@/test/testing';
import type { Deliverable, Message, Project, ProjectDetail, ProjectFile, Task, Thread, TimeLog } from './api';

type Attachment = Message['attachments'][number];
type DeliverableFile = Deliverable['files'][number];

/** The sample data's own words, which the tests look for: data, not text of the app. */
const SAMPLE = {
  moodboard: 'Moodboard',
  logoConcepts: 'Logo concepts',
  colourPalette: 'Colour palette',
  brandBrief: 'New logo, palette and type.',
  threeDirections: 'Three directions.',
  designFeedback: 'Design feedback',
  logoSketches: 'Logo sketches',
};

export function aTask(over: Partial<Task> = {}): Task {
  return {
    id: 'tk_1',
    title: SAMPLE.moodboard,
    status: 'done',
    position: 0,
    due_date: null,
    created_at: '2026-11-02T10:00:00Z',
    updated_at: '2026-11-02T10:00:00Z',
    ...over,
  };
}

export function aProject(over: Partial<Project> = {}): Project {
  return {
    id: 'pr_1',
    name: 'Brand refresh',
    description: SAMPLE.brandBrief,
    status: 'active',
    client_id: 'cl_1',
    client_name: 'Maria Lopez',
    staff_id: 'st_1',
    client_uploads: false,
    start_date: '2026-11-02',
    due_date: '2026-12-18',
    progress: { done: 1, total: 3, percent: 33 },
    created_at: '2026-11-02T10:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
    ...over,
  };
}

export function aProjectDetail(over: Partial<ProjectDetail> = {}): ProjectDetail {
  return {
    ...aProject(),
    tasks: [
      aTask(),
      aTask({ id: 'tk_2', title: SAMPLE.logoConcepts, status: 'in_progress', position: 1 }),
      aTask({ id: 'tk_3', title: SAMPLE.colourPalette, status: 'todo', position: 2, due_date: '2026-12-01' }),
    ],
    ...over,
  };
}

export const team = {
  items: [
    {
      id: 'st_1',
      name: 'Anna Weber',
      email: 'anna@studio-anna.com',
      role: 'owner',
      created_at: '2025-01-02T09:00:00Z',
    },
    {
      id: 'st_2',
      name: 'Ben Ortiz',
      email: 'ben@studio-anna.com',
      role: 'member',
      created_at: '2025-02-02T09:00:00Z',
    },
  ],
};

export function aDeliverable(over: Partial<Deliverable> = {}): Deliverable {
  return {
    id: 'dl_1',
    project_id: 'pr_1',
    title: SAMPLE.logoConcepts,
    description: SAMPLE.threeDirections,
    status: 'in_progress',
    round: 0,
    submitted_at: null,
    decided_at: null,
    created_at: '2026-11-10T10:00:00Z',
    updated_at: '2026-11-10T10:00:00Z',
    files: [],
    history: [],
    ...over,
  };
}

export function aFile(over: Partial<ProjectFile> = {}): ProjectFile {
  return {
    id: 'fl_1',
    project_id: 'pr_1',
    product_id: null,
    uploaded_by_id: 'st_1',
    name: 'brand-brief.txt',
    size: 2048,
    content_type: 'text/plain',
    sha256: 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9',
    client_visible: false,
    deliverable_id: null,
    uploaded_by_kind: 'staff',
    message_id: null,
    preview: null,
    thumbnail: false,
    created_at: '2026-11-12T10:00:00Z',
    ...over,
  };
}

/** An image the browser shows, with a thumbnail. */
export function anImageFile(over: Partial<ProjectFile> = {}): ProjectFile {
  return aFile({
    id: 'fl_4',
    name: 'moodboard.png',
    size: 183_000,
    content_type: 'image/png',
    client_visible: true,
    preview: 'image',
    thumbnail: true,
    ...over,
  });
}

/** A PDF the browser shows in its viewer, with a thumbnail of its first page. */
export function aPdfFile(over: Partial<ProjectFile> = {}): ProjectFile {
  return aFile({
    id: 'fl_5',
    name: 'logo-concepts.pdf',
    size: 482_133,
    content_type: 'application/pdf',
    client_visible: true,
    preview: 'pdf',
    thumbnail: true,
    ...over,
  });
}

export function aDeliverableFile(over: Partial<DeliverableFile> = {}): DeliverableFile {
  return {
    id: 'fl_5',
    name: 'logo-concepts.pdf',
    size: 482_133,
    content_type: 'application/pdf',
    preview: 'pdf',
    thumbnail: true,
    created_at: '2026-11-12T10:00:00Z',
    ...over,
  };
}

/** A file sent with a message (an image, previewable). */
export function anAttachment(over: Partial<Attachment> = {}): Attachment {
  return {
    id: 'fl_6',
    name: 'sketch.jpg',
    size: 96_000,
    content_type: 'image/jpeg',
    preview: 'image',
    thumbnail: true,
    ...over,
  };
}

export function aMessage(over: Partial<Message> = {}): Message {
  return {
    id: 'ms_1',
    thread_id: 'th_1',
    body: 'Here are the first sketches.',
    internal: false,
    author_kind: 'staff',
    author_id: 'st_1',
    author_name: 'Anna Weber',
    attachments: [],
    created_at: '2026-11-20T10:00:00Z',
    ...over,
  };
}

export function aThread(over: Partial<Thread> = {}): Thread {
  return {
    id: 'th_1',
    project_id: 'pr_1',
    title: SAMPLE.designFeedback,
    message_count: 3,
    last_message_at: '2026-11-21T10:00:00Z',
    last_message: 'Love the second one!',
    unread_count: 1,
    created_at: '2026-11-20T10:00:00Z',
    ...over,
  };
}

export function aTimeLog(over: Partial<TimeLog> = {}): TimeLog {
  return {
    id: 'tl_1',
    project_id: 'pr_1',
    currency: 'EUR',
    work_date: '2026-11-20',
    minutes: 90,
    description: SAMPLE.logoSketches,
    billable: true,
    hourly_rate_minor: 8000,
    amount_minor: 12000,
    staff_id: 'st_1',
    staff_name: 'Anna Weber',
    created_at: '2026-11-20T18:00:00Z',
    updated_at: '2026-11-20T18:00:00Z',
    ...over,
  };
}

/** What the API answers for a file's preview: its thumbnail (a JPEG) and a short-lived link. */
export function previewStubs(id: string): Record<string, Reply> {
  return {
    [`GET /api/v1/files/${id}/thumbnail`]: {
      raw: new Blob(['jpeg'], { type: 'image/jpeg' }),
      headers: { 'content-type': 'image/jpeg' },
    },
    [`GET /api/v1/files/${id}/link`]: {
      body: { url: `/api/v1/files/${id}/content?token=t`, expires_at: '2026-11-25T10:05:00Z' },
    },
  };
}

export { stubObjectUrls } from '@/test/objectUrls';
