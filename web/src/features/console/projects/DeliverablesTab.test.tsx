import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  aDeliverable,
  aDeliverableFile,
  aProjectDetail,
  previewStubs,
  stubObjectUrls,
  team,
} from './fixtures';
import { ProjectDetailPage } from './ProjectDetailPage';
import { me, problem, renderAt, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/projects/:id/*', element: <ProjectDetailPage /> }];
const common = {
  'GET /api/v1/me': { body: me },
  'GET /api/v1/tenant': { body: tenant },
  'GET /api/v1/staff': { body: team },
  'GET /api/v1/projects/pr_1': { body: aProjectDetail() },
};

describe('Project deliverables', () => {
  it('submits a deliverable for review with a note', async () => {
    const bodies: unknown[] = [];
    let submitted = false;
    stubApi({
      ...common,
      'GET /api/v1/projects/pr_1/deliverables': () => ({
        body: {
          items: [
            submitted
              ? aDeliverable({ status: 'submitted', round: 1, submitted_at: '2026-11-22T10:00:00Z' })
              : aDeliverable(),
          ],
        },
      }),
      'POST /api/v1/deliverables/dl_1/submit': async (request) => {
        bodies.push(await request.json());
        submitted = true;
        return { body: aDeliverable({ status: 'submitted', round: 1 }) };
      },
    });
    renderAt('/app/projects/pr_1/deliverables', page);

    const card = await screen.findByRole('listitem', { name: 'Logo concepts' });
    expect(within(card).getByText('In progress')).toBeInTheDocument();
    await userEvent.click(within(card).getByRole('button', { name: 'Submit for review' }));
    await userEvent.type(
      within(card).getByLabelText('Note for the client (optional)'),
      'Three directions inside.',
    );
    await userEvent.click(within(card).getByRole('button', { name: 'Submit' }));

    expect(
      await screen.findByText('“Logo concepts” submitted for review — Maria Lopez has been emailed'),
    ).toBeInTheDocument();
    expect(bodies).toEqual([{ note: 'Three directions inside.' }]);
    expect(await within(card).findByText('Waiting for the client')).toBeInTheDocument();
  });

  it('shows the client’s comment in the history and reopens after asking', async () => {
    const bodies: unknown[] = [];
    stubApi({
      ...common,
      'GET /api/v1/projects/pr_1/deliverables': {
        body: {
          items: [
            aDeliverable({
              status: 'changes_requested',
              round: 1,
              history: [
                {
                  event: 'submitted',
                  comment: null,
                  actor_kind: 'staff',
                  actor_id: 'st_2',
                  at: '2026-11-20T10:00:00Z',
                },
                {
                  event: 'changes_requested',
                  comment: 'Warmer colours, please.',
                  actor_kind: 'client',
                  actor_id: 'cl_1',
                  at: '2026-11-21T10:00:00Z',
                },
              ],
            }),
            aDeliverable({ id: 'dl_2', title: 'Moodboard', status: 'approved', round: 1 }),
          ],
        },
      },
      'POST /api/v1/deliverables/dl_2/reopen': async (request) => {
        bodies.push(await request.json());
        return { body: aDeliverable({ id: 'dl_2', title: 'Moodboard', status: 'in_progress' }) };
      },
    });
    renderAt('/app/projects/pr_1/deliverables', page);

    const logo = await screen.findByRole('listitem', { name: 'Logo concepts' });
    const history = within(logo).getByRole('region', { name: 'History of Logo concepts' });
    expect(within(history).getByText('Maria Lopez asked for changes.')).toBeInTheDocument();
    expect(within(history).getByText('“Warmer colours, please.”')).toBeInTheDocument();
    expect(await within(history).findByText('Ben Ortiz submitted it for review.')).toBeInTheDocument();
    expect(within(logo).getByRole('button', { name: 'Resubmit for review' })).toBeInTheDocument();

    const moodboard = screen.getByRole('listitem', { name: 'Moodboard' });
    expect(within(moodboard).queryByRole('button', { name: 'Submit for review' })).not.toBeInTheDocument();
    expect(within(moodboard).queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    await userEvent.click(within(moodboard).getByRole('button', { name: 'Reopen' }));
    expect(bodies).toEqual([]);
    await userEvent.click(within(moodboard).getByRole('button', { name: 'Reopen deliverable' }));
    expect(await screen.findByText('“Moodboard” reopened — it is back in progress')).toBeInTheDocument();
    expect(bodies).toEqual([{}]);
  });

  it('says in words what the server refused that the form does not show', async () => {
    stubApi({
      ...common,
      'GET /api/v1/projects/pr_1/deliverables': { body: { items: [] } },
      'POST /api/v1/projects/pr_1/deliverables': problem(422, "2 fields are invalid; see 'errors'.", [
        { field: 'title', message: 'must be 1 to 200 characters' },
        { field: 'project_id', message: 'must be a project id' },
      ]),
    });
    renderAt('/app/projects/pr_1/deliverables', page);
    await userEvent.type(await screen.findByLabelText('Title'), 'Logo');
    await userEvent.click(screen.getByRole('button', { name: 'Add deliverable' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Please correct the highlighted field. Also: Project: choose a project.',
    );
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('must be 1 to 200 characters');
    expect(screen.queryByText(/errors|invalid/)).toBeNull();
  });

  it('shows a deliverable’s files with thumbnails that open a PDF in the viewer', async () => {
    onTestFinished(stubObjectUrls());
    stubApi({
      ...common,
      ...previewStubs('fl_5'),
      'GET /api/v1/projects/pr_1/deliverables': {
        body: {
          items: [
            aDeliverable({
              files: [
                aDeliverableFile(),
                aDeliverableFile({
                  id: 'fl_9',
                  name: 'fonts.zip',
                  content_type: 'application/zip',
                  preview: null,
                  thumbnail: false,
                }),
              ],
            }),
          ],
        },
      },
    });
    renderAt('/app/projects/pr_1/deliverables', page);

    const files = await screen.findByRole('region', { name: 'Files of Logo concepts' });
    expect(within(files).getByRole('button', { name: 'fonts.zip' })).toBeInTheDocument();
    expect(within(files).queryByRole('button', { name: 'Preview fonts.zip' })).not.toBeInTheDocument();
    await userEvent.click(within(files).getByRole('button', { name: 'Preview logo-concepts.pdf' }));
    const dialog = screen.getByRole('dialog', { name: 'logo-concepts.pdf' });
    expect(await within(dialog).findByTitle('logo-concepts.pdf')).toHaveAttribute(
      'src',
      '/api/v1/files/fl_5/content?token=t&disposition=inline',
    );
  });
});
