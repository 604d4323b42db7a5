import type { Activity } from './api';
import { activitySentence, stars } from './activitySentence';

const names = { meId: 'st_1', staff: new Map([['st_2', 'Ben Ortiz']]), clientName: 'Maria Lopez' };
const a = (
  verb: string,
  data: Record<string, unknown>,
  actor_kind = 'staff',
  actor_id: string | null = 'st_2',
) =>
  ({
    id: 'ac_1',
    verb,
    data: { name: 'Brand refresh', ...data },
    actor_kind,
    actor_id,
    subject_type: 'project',
    subject_id: 'pr_1',
    at: '2026-11-20T10:00:00Z',
  }) as unknown as Activity;

describe('activitySentence', () => {
  it('tells deliverable steps with their round, note and comment', () => {
    expect(
      activitySentence(a('deliverable_submitted', { title: 'Logo', round: 2, note: 'Warmer now' }), names),
    ).toBe('Ben Ortiz submitted “Logo” for review (round 2) — “Warmer now”.');
    expect(activitySentence(a('deliverable_submitted', { title: 'Logo', round: 1, note: null }), names)).toBe(
      'Ben Ortiz submitted “Logo” for review.',
    );
    expect(
      activitySentence(
        a('deliverable_changes_requested', { title: 'Logo', comment: 'Bigger' }, 'client', 'cl_1'),
        names,
      ),
    ).toBe('Maria Lopez asked for changes to “Logo” — “Bigger”.');
    expect(
      activitySentence(a('deliverable_approved', { title: 'Logo', comment: null }, 'client', 'cl_1'), names),
    ).toBe('Maria Lopez approved “Logo”.');
    expect(activitySentence(a('deliverable_reopened', { title: 'Logo' }, 'staff', 'st_1'), names)).toBe(
      'You reopened “Logo”.',
    );
  });

  it('tells uploads, notes, feedback and unknown verbs', () => {
    expect(
      activitySentence(a('file_uploaded', { file_name: 'costs.xlsx', client_visible: false }), names),
    ).toBe('Ben Ortiz uploaded “costs.xlsx” (internal).');
    expect(
      activitySentence(
        a('message_posted', { thread_title: 'Design', internal: false }, 'client', 'cl_1'),
        names,
      ),
    ).toBe('Maria Lopez wrote in “Design”.');
    expect(activitySentence(a('feedback_requested', {}), names)).toBe(
      'Ben Ortiz asked Maria Lopez for feedback.',
    );
    expect(activitySentence(a('feedback_submitted', { rating: 3 }, 'client', 'cl_1'), names)).toBe(
      'Maria Lopez rated the project ★★★☆☆ (3 of 5).',
    );
    expect(activitySentence(a('something_new', {}, 'system', null), names)).toBe('Portico: something new.');
    expect(stars(5)).toBe('★★★★★');
  });
});
