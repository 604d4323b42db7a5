import type { Deliverable, Message, Project, ProjectDetail, ProjectFile, Task, Thread, TimeLog } from './api';

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
    created_at: '2026-11-12T10:00:00Z',
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
