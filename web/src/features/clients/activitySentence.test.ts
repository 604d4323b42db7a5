import type { Activity } from './api';
import { activitySentence } from './activitySentence';

const names = { meId: 'st_1', staff: new Map([['st_2', 'Jo Park']]), clientName: 'Maria Lopez' };

function entry(
  verb: string,
  actor_kind = 'staff',
  actor_id: string | null = 'st_2',
  data: object = {},
): Activity {
  return {
    id: 'a',
    verb,
    actor_kind,
    actor_id,
    data: data as Activity['data'],
    subject_type: 'client',
    subject_id: 'cl_1',
    at: '',
  };
}

it.each([
  [entry('invited', 'staff', 'st_1'), 'You invited Maria Lopez to the portal.'],
  [entry('invited', 'staff', 'st_2', { resent: true }), 'Jo Park sent Maria Lopez a new portal invitation.'],
  [
    entry('updated', 'staff', 'st_9', { fields: ['email', 'portal_enabled'] }),
    'A team member changed the email and portal access.',
  ],
  [
    entry('profile_updated', 'client', 'cl_1', { fields: ['phone'] }),
    'Maria Lopez updated their phone in the portal.',
  ],
  [entry('archived', 'api_key', 'ak_1'), 'An integration (API key) archived Maria Lopez.'],
  [entry('restored', 'system', null), 'Portico restored Maria Lopez.'],
  [entry('impersonation_started'), 'Jo Park started viewing the portal as Maria Lopez.'],
  [entry('something_new'), 'Jo Park: something new.'],
])('%#: reads as a sentence', (a, sentence) => {
  expect(activitySentence(a, names)).toBe(sentence);
});
