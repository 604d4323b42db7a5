import type { components } from '@/api/schema';
import { activitySentence, consoleHref, SENTENCES, stars, type ActivityKind } from './activity-sentences';

type Activity = components['schemas']['Activity'];

const names = { meId: 'st_1', staff: new Map([['st_2', 'Jo Park']]), clientName: 'Maria Lopez' };

function entry(
  kind: ActivityKind,
  data: Record<string, unknown> = {},
  actor_kind = 'staff',
  actor_id: string | null = 'st_2',
): Activity {
  const [subject_type, verb] = kind.split('.') as [string, string];
  return {
    id: 'ac_1',
    kind,
    verb,
    subject_type,
    subject_id: 'ob_1',
    actor_kind,
    actor_id,
    client_id: 'cl_1',
    data: data as Activity['data'],
    at: '2026-11-20T10:00:00Z',
  };
}

// Every kind the API records (the spec's enum, which `SENTENCES` is typed over) reads as a
// sentence of its own: never the "Who: verb." fallback, never a hole where a detail was
// missing, whether or not the entry carries its details.
it.each(Object.keys(SENTENCES) as ActivityKind[])('%s has a sentence of its own', (kind) => {
  for (const data of [
    {},
    { title: 'Logo', name: 'Brand refresh', number: 'Q-2026-0001', comment: 'Bigger' },
  ]) {
    const sentence = activitySentence(entry(kind, data), names);
    expect(sentence).not.toMatch(/^[^:]+: [a-z ]+\.$/);
    expect(sentence).not.toMatch(/undefined|null|“”|\s\.$|\s{2}/);
    expect(sentence).toMatch(/^[A-Z].*\.$/);
  }
});

it.each([
  [entry('client.invited', {}, 'staff', 'st_1'), 'You invited Maria Lopez to the portal.'],
  [entry('client.invited', { resent: true }), 'Jo Park sent Maria Lopez a new portal invitation.'],
  [
    entry('client.updated', { fields: ['email', 'portal_enabled'] }, 'staff', 'st_9'),
    'A team member changed the email and portal access.',
  ],
  [
    entry('client.profile_updated', { fields: ['phone'] }, 'client', 'cl_1'),
    'Maria Lopez updated their phone in the portal.',
  ],
  [entry('client.archived', {}, 'api_key', 'ak_1'), 'An integration (API key) archived Maria Lopez.'],
  [entry('client.restored', {}, 'system', null), 'Portico restored Maria Lopez.'],
  // What the client's timeline said for these before: "You added Maria Lopez as a client."
  [
    entry('project.created', { name: 'Brand refresh' }, 'staff', 'st_1'),
    'You created the project “Brand refresh”.',
  ],
  [entry('quote.created', { number: 'Q-2026-0001' }, 'staff', 'st_1'), 'You drafted quote Q-2026-0001.'],
  [
    entry('contract.created', { title: 'Agreement' }, 'staff', 'st_1'),
    'You drafted the contract “Agreement”.',
  ],
  // …and "You: sent."
  [
    entry('quote.sent', { number: 'Q-2026-0001' }, 'staff', 'st_1'),
    'You sent quote Q-2026-0001 to Maria Lopez.',
  ],
  [
    entry('invoice.sent', { number: 'INV-2026-0007', total_minor: 171780, currency: 'EUR' }),
    'Jo Park sent invoice INV-2026-0007 for €1,717.80 to Maria Lopez.',
  ],
  [
    entry('invoice.paid', { number: 'INV-2026-0007' }, 'system', null),
    'Invoice INV-2026-0007 is paid in full.',
  ],
])('%#: reads as a sentence', (a, sentence) => {
  expect(activitySentence(a, names)).toBe(sentence);
});

it('tells deliverable steps with their round, note and comment', () => {
  const d = (kind: ActivityKind, data: Record<string, unknown>, actor_kind = 'staff', actor_id = 'st_2') =>
    activitySentence(entry(kind, data, actor_kind, actor_id), names);
  expect(d('project.deliverable_submitted', { title: 'Logo', round: 2, note: 'Warmer now' })).toBe(
    'Jo Park submitted “Logo” for review (round 2) — “Warmer now”.',
  );
  expect(d('project.deliverable_submitted', { title: 'Logo', round: 1, note: null })).toBe(
    'Jo Park submitted “Logo” for review.',
  );
  expect(
    d('project.deliverable_changes_requested', { title: 'Logo', comment: 'Bigger' }, 'client', 'cl_1'),
  ).toBe('Maria Lopez asked for changes to “Logo” — “Bigger”.');
  expect(d('project.deliverable_approved', { title: 'Logo', comment: null }, 'client', 'cl_1')).toBe(
    'Maria Lopez approved “Logo”.',
  );
  expect(d('project.deliverable_reopened', { title: 'Logo' }, 'staff', 'st_1')).toBe('You reopened “Logo”.');
  expect(d('project.file_uploaded', { file_name: 'costs.xlsx', client_visible: false })).toBe(
    'Jo Park uploaded “costs.xlsx” (internal).',
  );
  expect(d('project.message_posted', { thread_title: 'Design', internal: false }, 'client', 'cl_1')).toBe(
    'Maria Lopez wrote in “Design”.',
  );
  expect(d('project.feedback_submitted', { name: 'Brand refresh', rating: 3 }, 'client', 'cl_1')).toBe(
    'Maria Lopez rated “Brand refresh” ★★★☆☆ (3 of 5).',
  );
  expect(stars(5)).toBe('★★★★★');
});

it('tells whether an accepted quote started a project or added to a running one', () => {
  const q = (kind: ActivityKind, data: Record<string, unknown>) =>
    activitySentence(entry(kind, data, 'client', 'cl_1'), names);
  expect(
    q('quote.accepted', {
      number: 'Q-2026-0003',
      project_name: 'Brand refresh',
      project_started: true,
    }),
  ).toBe('Maria Lopez accepted quote Q-2026-0003, which started the project “Brand refresh”.');
  expect(
    q('quote.accepted', {
      number: 'Q-2026-0003',
      project_name: 'Brand refresh',
      project_started: false,
    }),
  ).toBe(
    'Maria Lopez accepted quote Q-2026-0003; its lines were added as tasks to the running project “Brand refresh”.',
  );
  // Entries from before projects were started by acceptances.
  expect(q('quote.accepted', { number: 'Q-2026-0003' })).toBe('Maria Lopez accepted quote Q-2026-0003.');
  expect(q('project.quote_accepted', { quote_id: 'qu_3', quote_number: 'Q-2026-0003', tasks_added: 4 })).toBe(
    'Maria Lopez accepted quote Q-2026-0003 and its 4 lines were added as tasks.',
  );
  expect(q('project.quote_accepted', { quote_number: 'Q-2026-0003', tasks_added: 1 })).toBe(
    'Maria Lopez accepted quote Q-2026-0003 and its line was added as a task.',
  );
  expect(q('project.quote_accepted', { quote_number: 'Q-2026-0003', tasks_added: 0 })).toBe(
    'Maria Lopez accepted quote Q-2026-0003, which had no lines to add as tasks.',
  );
  expect(consoleHref(entry('project.quote_accepted'))).toBe('/app/projects/ob_1');
});

it('tells an email written by hand with its subject', () => {
  expect(activitySentence(entry('client.emailed', { subject: 'We start Monday' }), names)).toBe(
    'Jo Park emailed Maria Lopez: “We start Monday”.',
  );
  expect(activitySentence(entry('client.emailed', { subject: ' Invoice ' }, 'staff', 'st_1'), names)).toBe(
    'You emailed Maria Lopez: “Invoice”.',
  );
  // Sent through an API key, and an entry without its subject.
  expect(activitySentence(entry('client.emailed', {}, 'api_key', 'ak_1'), names)).toBe(
    'An integration (API key) emailed Maria Lopez.',
  );
});

it('reads an entry older than this build without a blank', () => {
  const old = { ...entry('client.updated'), kind: 'client.exploded' as ActivityKind, verb: 'exploded' };
  expect(activitySentence(old, names)).toBe('Jo Park: exploded.');
});

it('links an entry to its object’s page', () => {
  expect(consoleHref(entry('quote.sent'))).toBe('/app/quotes/ob_1');
  expect(consoleHref(entry('service_order.created'))).toBe('/app/orders/ob_1');
  expect(consoleHref(entry('project.deliverable_approved'))).toBe('/app/projects/ob_1');
  expect(consoleHref(entry('form.deleted'))).toBeUndefined();
  expect(consoleHref(entry('staff.invited'))).toBeUndefined();
});
