import type { PublicForm } from './api';

export { base, branding, inPortal } from '@/test/portal';

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
