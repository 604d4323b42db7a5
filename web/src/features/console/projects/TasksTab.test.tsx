import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aProjectDetail, aTask, team } from './fixtures';
import { ProjectDetailPage } from './ProjectDetailPage';
import { me, renderAt, requestsOf, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/projects/:id/*', element: <ProjectDetailPage /> }];
const common = {
  'GET /api/v1/me': { body: me },
  'GET /api/v1/tenant': { body: tenant },
  'GET /api/v1/staff': { body: team },
  'GET /api/v1/projects/pr_1': { body: aProjectDetail() },
};

describe('Project tasks', () => {
  it('adds a task, changes a status and moves a task, sending what the API expects', async () => {
    const bodies: Record<string, unknown[]> = { post: [], patch: [], put: [] };
    const fetch = stubApi({
      ...common,
      'POST /api/v1/projects/pr_1/tasks': async (request) => {
        bodies.post!.push(await request.json());
        return {
          status: 201,
          body: aTask({ id: 'tk_4', title: 'Style guide', status: 'todo', position: 3 }),
        };
      },
      'PATCH /api/v1/projects/pr_1/tasks/tk_2': async (request) => {
        bodies.patch!.push(await request.json());
        return { body: aTask({ id: 'tk_2', title: 'Logo concepts', status: 'review', position: 1 }) };
      },
      'PUT /api/v1/projects/pr_1/tasks/order': async (request) => {
        const body = (await request.json()) as { task_ids: string[] };
        bodies.put!.push(body);
        const tasks = aProjectDetail().tasks;
        return {
          body: body.task_ids.map((id, position) => ({ ...tasks.find((t) => t.id === id)!, position })),
        };
      },
    });
    renderAt('/app/projects/pr_1/tasks', page);

    expect(await screen.findByRole('heading', { name: 'Brand refresh', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Tasks' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('progressbar', { name: 'Project progress' })).toHaveAttribute(
      'aria-valuenow',
      '33',
    );

    await userEvent.type(screen.getByLabelText('Task'), 'Style guide');
    await userEvent.type(screen.getByLabelText('Due date (optional)'), '2026-12-10');
    await userEvent.click(screen.getByRole('button', { name: 'Add task' }));
    expect(await screen.findByText('Task “Style guide” added')).toBeInTheDocument();
    expect(bodies.post).toEqual([{ title: 'Style guide', due_date: '2026-12-10' }]);
    expect(screen.getByLabelText('Task')).toHaveValue('');

    await userEvent.selectOptions(screen.getByLabelText('Status of “Logo concepts”'), 'review');
    expect(await screen.findByText('“Logo concepts” is now in review')).toBeInTheDocument();
    expect(bodies.patch).toEqual([{ status: 'review' }]);

    await userEvent.click(screen.getByRole('button', { name: 'Move “Colour palette” up' }));
    await waitFor(() => expect(bodies.put).toEqual([{ task_ids: ['tk_1', 'tk_3', 'tk_2'] }]));
    const rows = within(screen.getByRole('list', { name: 'Tasks' })).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('aria-label'))).toEqual([
      'Moodboard',
      'Colour palette',
      'Logo concepts',
    ]);
    expect(screen.getByRole('button', { name: 'Move “Moodboard” up' })).toBeDisabled();

    // The project is read again after each change, so its progress follows the board.
    expect(requestsOf(fetch).filter((r) => r === 'GET /api/v1/projects/pr_1').length).toBeGreaterThan(1);
  });

  it('renames a task, and deletes one only after asking', async () => {
    const patches: unknown[] = [];
    const fetch = stubApi({
      ...common,
      'PATCH /api/v1/projects/pr_1/tasks/tk_1': async (request) => {
        patches.push(await request.json());
        return { body: aTask({ title: 'Mood board v2' }) };
      },
      'DELETE /api/v1/projects/pr_1/tasks/tk_3': { status: 204 },
    });
    renderAt('/app/projects/pr_1', page);

    await userEvent.click(await screen.findByRole('button', { name: 'Rename “Moodboard”' }));
    const input = screen.getByLabelText('New name for “Moodboard”');
    await userEvent.clear(input);
    await userEvent.type(input, 'Mood board v2{Enter}');
    expect(await screen.findByText('Task renamed to “Mood board v2”')).toBeInTheDocument();
    expect(patches).toEqual([{ title: 'Mood board v2' }]);

    const palette = screen.getByRole('listitem', { name: 'Colour palette' });
    await userEvent.click(within(palette).getByRole('button', { name: 'Delete' }));
    expect(requestsOf(fetch)).not.toContain('DELETE /api/v1/projects/pr_1/tasks/tk_3');
    await userEvent.click(within(palette).getByRole('button', { name: 'Delete task' }));
    expect(await screen.findByText('Task “Colour palette” deleted')).toBeInTheDocument();
    expect(requestsOf(fetch)).toContain('DELETE /api/v1/projects/pr_1/tasks/tk_3');
  });

  it('changes the project’s status at once from the header', async () => {
    const patches: unknown[] = [];
    stubApi({
      ...common,
      'PATCH /api/v1/projects/pr_1': async (request) => {
        patches.push(await request.json());
        return { body: aProjectDetail({ status: 'on_hold' }) };
      },
    });
    renderAt('/app/projects/pr_1', page);
    await userEvent.selectOptions(await screen.findByLabelText('Status'), 'on_hold');
    expect(await screen.findByText('“Brand refresh” is now on hold')).toBeInTheDocument();
    expect(patches).toEqual([{ status: 'on_hold' }]);
  });
});
