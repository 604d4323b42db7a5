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
  'GET /api/v1/projects/pr_1': { body: aProjectDetail() },
};

describe('ProjectDetailPage', () => {
  it('edits the details, clearing what is emptied', async () => {
    const patches: unknown[] = [];
    stubApi({
      ...common,
      'PATCH /api/v1/projects/pr_1': async (request) => {
        patches.push(await request.json());
        return { body: aProjectDetail({ name: 'Brand refresh 2027', due_date: null, staff_id: 'st_2' }) };
      },
    });
    renderAt('/app/projects/pr_1', page);
    expect(await screen.findByText('Anna Weber')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Edit details' }));
    const name = screen.getByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Brand refresh 2027');
    await userEvent.clear(screen.getByLabelText('Due date'));
    await userEvent.selectOptions(screen.getByLabelText('Assigned to'), 'Ben Ortiz');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Changes to “Brand refresh 2027” saved')).toBeInTheDocument();
    expect(patches).toEqual([
      {
        name: 'Brand refresh 2027',
        description: 'New logo, palette and type.',
        start_date: '2026-11-02',
        due_date: null,
        staff_id: 'st_2',
        client_uploads: false,
      },
    ]);
    expect(screen.getByRole('heading', { name: 'Brand refresh 2027', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Ben Ortiz')).toBeInTheDocument();
  });

  it('says so when the project does not exist', async () => {
    stubApi({ ...common, 'GET /api/v1/projects/pr_1': problem(404, 'No such project in your tenant.') });
    renderAt('/app/projects/pr_1/files', page);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This project could not be loaded');
    expect(alert).toHaveTextContent('No such project in your tenant.');
  });

  it('shows the description as Markdown, with any HTML in it as text', async () => {
    stubApi({
      ...common,
      'GET /api/v1/projects/pr_1': {
        body: aProjectDetail({
          description: '**Bold** and a [link](https://example.com) <script>x()</script>',
        }),
      },
    });
    renderAt('/app/projects/pr_1', page);

    const bold = await screen.findByText('Bold');
    expect(bold.tagName).toBe('STRONG');
    const description = bold.closest('div')!;
    expect(within(description).getByRole('link', { name: 'link' })).toHaveAttribute(
      'href',
      'https://example.com',
    );
    expect(description).not.toHaveTextContent('**');
    expect(description).toHaveTextContent('<script>x()</script>');
    expect(description.querySelector('script')).toBeNull();
  });
});
