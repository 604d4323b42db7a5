import type { PublicForm } from './api';

export { base, branding, inPortal } from '@/test/portal';

export const form: PublicForm = {
  slug: 'start',
  // eslint-disable-next-line no-restricted-syntax -- test data: the business's form, not app text
  title: 'Start a project',
  description: 'A few questions first.',
  fields: [
    // eslint-disable-next-line no-restricted-syntax -- test data: the business's form, not app text
    { key: 'name', label: 'Your name', kind: 'text', required: true, options: [], help: null },
    // eslint-disable-next-line no-restricted-syntax -- test data: the business's form, not app text
    { key: 'email', label: 'Your email', kind: 'email', required: true, options: [], help: null },
    // eslint-disable-next-line no-restricted-syntax -- test data: the business's form, not app text
    { key: 'phone', label: 'Phone', kind: 'phone', required: false, options: [], help: null },
    {
      key: 'service',
      // eslint-disable-next-line no-restricted-syntax -- test data: the business's form, not app text
      label: 'What do you need?',
      kind: 'select',
      required: true,
      options: ['Logo', 'Website'],
      help: null,
    },
    {
      key: 'message',
      // eslint-disable-next-line no-restricted-syntax -- test data: the business's form, not app text
      label: 'Your project',
      kind: 'textarea',
      required: true,
      options: [],
      help: 'A few lines.',
    },
    {
      key: 'consent',
      // eslint-disable-next-line no-restricted-syntax -- test data: the business's form, not app text
      label: 'You may write to me',
      kind: 'checkbox',
      required: true,
      options: [],
      help: null,
    },
  ],
};
