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
