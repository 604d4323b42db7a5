/* eslint-disable no-restricted-syntax -- sample API data for the tests, not text the app writes */
import type { MergeField, Template } from './api';

/** What `GET /templates/merge-fields` answers. */
export const mergeFields: { items: MergeField[] } = {
  items: [
    { name: 'client.name', description: "The client's name" },
    { name: 'client.first_name', description: "The first word of the client's name" },
    { name: 'client.email', description: "The client's email address" },
    { name: 'client.company', description: "The client's company (empty if none)" },
    { name: 'client.phone', description: "The client's phone number (empty if none)" },
    { name: 'business.name', description: "Your business's name" },
    { name: 'staff.name', description: 'The name of the staff member making the document' },
    { name: 'today', description: "Today's date in the client's language" },
    { name: 'quote.number', description: "The chosen quote's number" },
    { name: 'quote.title', description: "The chosen quote's title" },
    { name: 'quote.total', description: "The chosen quote's total with its currency" },
    { name: 'quote.valid_until', description: 'The last day the chosen quote can be accepted' },
    { name: 'project.name', description: "The chosen project's name" },
    { name: 'project.due_date', description: "The chosen project's due date (empty if none)" },
  ],
};

export function aProjectTemplate(over: Partial<Template> = {}): Template {
  return {
    id: 'tp_1',
    kind: 'project',
    name: 'Website project',
    content: {
      kind: 'project',
      description: 'A new website for {{client.company}}.',
      tasks: [{ title: 'Kick-off call' }, { title: 'Wireframes' }, { title: 'Launch' }],
      deliverables: [{ title: 'Sitemap', description: null }],
    },
    fields: ['client.company'],
    created_at: '2026-11-01T09:00:00Z',
    updated_at: '2026-11-01T09:00:00Z',
    ...over,
  };
}

export function aContractTemplate(over: Partial<Template> = {}): Template {
  return {
    id: 'tc_1',
    kind: 'contract',
    name: 'Services agreement',
    content: {
      kind: 'contract',
      title: 'Agreement for {{quote.title}}',
      body: '# Agreement\n\nBetween {{business.name}} and {{client.name}}, for {{quote.total}}.',
    },
    fields: ['quote.title', 'business.name', 'client.name', 'quote.total'],
    created_at: '2026-11-01T09:00:00Z',
    updated_at: '2026-11-01T09:00:00Z',
    ...over,
  };
}
