import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aProjectDetail, team } from './fixtures';
import { ProjectDetailPage } from './ProjectDetailPage';
import { me, problem, renderAt, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/projects/:id/*', element: <ProjectDetailPage /> }];
const common = {
  'GET /api/v1/me': { body: me },
  'GET /api/v1/tenant': { body: tenant },
  'GET /api/v1/staff': { body: team },
};

const entry = (verb: string, data: Record<string, unknown>, actor: [string, string | null], at: string) => ({
  id: `ac_${verb}`,
  actor_kind: actor[0],
  actor_id: actor[1],
  verb,
  kind: `project.${verb}`,
  subject_type: 'project',
  subject_id: 'pr_1',
  client_id: 'cl_1',
  data: { name: 'Brand refresh', ...data },
  at,
});

describe('Project activity and feedback', () => {
  it('tells the project’s activity in words, including the feedback rating', async () => {
    stubApi({
      ...common,
      'GET /api/v1/projects/pr_1': { body: aProjectDetail({ status: 'completed' }) },
      'GET /api/v1/projects/pr_1/activity': {
        body: {
          items: [
            entry(
              'feedback_submitted',
              { rating: 4, comment: 'Lovely work' },
              ['client', 'cl_1'],
              '2026-11-24T10:00:00Z',
            ),
            entry(
              'deliverable_changes_requested',
              { title: 'Logo concepts', comment: 'Warmer' },
              ['client', 'cl_1'],
              '2026-11-23T10:00:00Z',
            ),
            entry(
              'message_posted',
              { thread_title: 'Costs', internal: true },
              ['staff', 'st_2'],
              '2026-11-22T10:00:00Z',
            ),
            entry(
              'status_changed',
              { from: 'active', to: 'completed' },
              ['staff', 'st_1'],
              '2026-11-21T10:00:00Z',
            ),
            entry(
              'file_uploaded',
              { file_name: 'logo.svg', client_visible: true },
              ['staff', 'st_1'],
              '2026-11-20T10:00:00Z',
            ),
          ],
          next_cursor: null,
        },
      },
    });
    renderAt('/app/projects/pr_1/activity', page);
    const list = await screen.findByRole('list', { name: 'Project activity' });
    expect(
      within(list).getByText('Maria Lopez rated “Brand refresh” ★★★★☆ (4 of 5) — “Lovely work”.'),
    ).toBeInTheDocument();
    expect(
      within(list).getByText('Maria Lopez asked for changes to “Logo concepts” — “Warmer”.'),
    ).toBeInTheDocument();
    expect(await within(list).findByText('Ben Ortiz added an internal note in “Costs”.')).toBeInTheDocument();
    expect(within(list).getByText('You moved “Brand refresh” from active to completed.')).toBeInTheDocument();
    expect(within(list).getByText('You uploaded “logo.svg”.')).toBeInTheDocument();
  });

  it('requests feedback on a completed project, and shows the answer with stars', async () => {
    let requested = false;
    stubApi({
      ...common,
      'GET /api/v1/projects/pr_1': { body: aProjectDetail({ status: 'completed' }) },
      'GET /api/v1/projects/pr_1/feedback': () =>
        requested
          ? {
              body: { requested_at: '2026-11-25T10:00:00Z', rating: null, comment: null, submitted_at: null },
            }
          : problem(404, 'No feedback was requested for this project.'),
      'POST /api/v1/projects/pr_1/feedback-request': () => {
        requested = true;
        return {
          status: 201,
          body: { requested_at: '2026-11-25T10:00:00Z', rating: null, comment: null, submitted_at: null },
        };
      },
    });
    renderAt('/app/projects/pr_1/feedback', page);
    await userEvent.click(await screen.findByRole('button', { name: 'Request feedback' }));
    expect(await screen.findByText('Feedback requested — Maria Lopez has been emailed')).toBeInTheDocument();
    expect(await screen.findByText(/Waiting for Maria Lopez’s answer/)).toBeInTheDocument();
  });

  it('shows a given answer as stars', async () => {
    stubApi({
      ...common,
      'GET /api/v1/projects/pr_1': { body: aProjectDetail({ status: 'completed' }) },
      'GET /api/v1/projects/pr_1/feedback': {
        body: {
          requested_at: '2026-11-25T10:00:00Z',
          rating: 5,
          comment: 'Wonderful to work with.',
          submitted_at: '2026-11-26T10:00:00Z',
        },
      },
    });
    renderAt('/app/projects/pr_1/feedback', page);
    expect(await screen.findByRole('img', { name: 'Rated 5 out of 5 stars' })).toHaveTextContent('★★★★★');
    expect(screen.getByText('“Wonderful to work with.”')).toBeInTheDocument();
  });

  it('explains that feedback waits until the project is completed', async () => {
    stubApi({
      ...common,
      'GET /api/v1/projects/pr_1': { body: aProjectDetail() },
      'GET /api/v1/projects/pr_1/feedback': problem(404, 'No feedback was requested for this project.'),
    });
    renderAt('/app/projects/pr_1/feedback', page);
    expect(await screen.findByText('Feedback comes at the end')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Request feedback' })).not.toBeInTheDocument();
  });
});
