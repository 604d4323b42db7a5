import type { Project, ProjectDetail, Task } from './api';

export function aTask(over: Partial<Task> = {}): Task {
  return {
    id: 'tk_1',
    title: 'Moodboard',
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
    description: 'New logo, palette and type.',
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
      aTask({ id: 'tk_2', title: 'Logo concepts', status: 'in_progress', position: 1 }),
      aTask({ id: 'tk_3', title: 'Colour palette', status: 'todo', position: 2, due_date: '2026-12-01' }),
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
