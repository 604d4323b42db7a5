import type { Form } from './api';

export function aForm(overrides: Partial<Form> = {}): Form {
  return {
    id: 'fm_1',
    slug: 'start-a-project',
    // eslint-disable-next-line no-restricted-syntax -- test data, the title a tenant typed
    title: 'Start a project',
    description: null,
    success_message: null,
    enabled: true,
    notify_staff: true,
    public_url: 'https://portal.example.com/portal/studio-anna/forms/start-a-project',
    submission_count: 0,
    fields: [
      // eslint-disable-next-line no-restricted-syntax -- test data, the label a tenant typed
      { key: 'name', label: 'Your name', kind: 'text', required: true, options: [], help: null },
      // eslint-disable-next-line no-restricted-syntax -- test data, the label a tenant typed
      { key: 'email', label: 'Your email', kind: 'email', required: true, options: [], help: null },
    ],
    created_at: '2026-11-01T09:00:00Z',
    updated_at: '2026-11-01T09:00:00Z',
    ...overrides,
  };
}
