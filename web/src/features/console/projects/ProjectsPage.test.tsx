import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ProjectStatus } from './api';
import { aProject } from './fixtures';
import { ProjectsPage } from './ProjectsPage';
import { me, renderAt, requestsOf, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/projects', element: <ProjectsPage /> }];
const common = { 'GET /api/v1/me': { body: me }, 'GET /api/v1/tenant': { body: tenant } };

describe('ProjectsPage', () => {
  it('lists projects with client, status, progress and due date', async () => {
    stubApi({
      ...common,
      'GET /api/v1/projects': {
        body: {
          items: [
            aProject(),
            aProject({
              id: 'pr_2',
              name: 'Website',
              status: 'planned',
              due_date: null,
              progress: { done: 0, total: 0, percent: 0 },
            }),
          ],
          next_cursor: null,
        },
      },
    });
    renderAt('/app/projects', page);

    const link = await screen.findByRole('link', { name: 'Brand refresh' });
    expect(link).toHaveAttribute('href', '/app/projects/pr_1');
    const row = link.closest('tr')!;
    expect(within(row).getByRole('link', { name: 'Maria Lopez' })).toHaveAttribute(
      'href',
      '/app/clients/cl_1',
    );
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(within(row).getByRole('progressbar', { name: 'Progress of Brand refresh' })).toHaveAttribute(
      'aria-valuenow',
      '33',
    );
    expect(within(row).getByText('33% · 1 of 3 tasks done')).toBeInTheDocument();
    expect(await within(row).findByText('18 Dec 2026')).toBeInTheDocument();

    const website = screen.getByRole('link', { name: 'Website' }).closest('tr')!;
    expect(within(website).getByText('Planned')).toBeInTheDocument();
    expect(within(website).getByText('Not set')).toBeInTheDocument();
    expect(within(website).getByText(/No tasks yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'New project' })).toHaveAttribute('href', '/app/projects/new');
  });

  it('filters by status, searches, and loads the next page with the cursor', async () => {
    const fetch = stubApi({
      ...common,
      'GET /api/v1/projects': (request) => {
        const params = new URL(request.url).searchParams;
        if (params.get('cursor') === 'c2') {
          return {
            body: {
              items: [aProject({ id: 'pr_9', name: 'Old site', status: 'completed' })],
              next_cursor: null,
            },
          };
        }
        if (params.get('q') === 'zzz') return { body: { items: [], next_cursor: null } };
        return {
          body: {
            items: [aProject({ status: (params.get('status') ?? 'active') as ProjectStatus })],
            next_cursor: 'c2',
          },
        };
      },
    });
    renderAt('/app/projects', page);
    await screen.findByRole('link', { name: 'Brand refresh' });

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'completed');
    expect(screen.getByTestId('address')).toHaveTextContent('/app/projects?status=completed');
    await waitFor(() =>
      expect(
        within(screen.getByRole('link', { name: 'Brand refresh' }).closest('tr')!).getByText('Completed'),
      ).toBeInTheDocument(),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Load more projects' }));
    expect(await screen.findByRole('link', { name: 'Old site' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Brand refresh' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more projects' })).not.toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Search'), 'zzz');
    expect(await screen.findByText('No projects match')).toBeInTheDocument();

    expect(requestsOf(fetch).filter((r) => r.startsWith('GET /api/v1/projects'))).toEqual([
      'GET /api/v1/projects',
      'GET /api/v1/projects?status=completed',
      'GET /api/v1/projects?status=completed&cursor=c2',
      'GET /api/v1/projects?q=zzz&status=completed',
    ]);
  });

  it('says what a project is when there are none yet', async () => {
    stubApi({ ...common, 'GET /api/v1/projects': { body: { items: [], next_cursor: null } } });
    renderAt('/app/projects', page);
    expect(await screen.findByText('No projects yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start your first project' })).toHaveAttribute(
      'href',
      '/app/projects/new',
    );
  });

  it('shows only the client in the address, with a notice that leads back to every project', async () => {
    const fetch = stubApi({
      ...common,
      'GET /api/v1/clients/cl_1': { body: { id: 'cl_1', name: 'Maria Lopez' } },
      'GET /api/v1/projects': (request) => {
        const forMaria = new URL(request.url).searchParams.get('client_id') === 'cl_1';
        const other = aProject({ id: 'pr_2', name: 'Website', client_id: 'cl_2', client_name: 'Tom Berg' });
        return { body: { items: forMaria ? [aProject()] : [aProject(), other], next_cursor: null } };
      },
    });
    renderAt('/app/projects?client_id=cl_1&q=brand', page);

    expect(await screen.findByText('Showing only Maria Lopez’s projects.')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Brand refresh' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Website' })).toBeNull();
    expect(screen.getByLabelText('Search')).toHaveValue('brand');
    expect(requestsOf(fetch)).toContain('GET /api/v1/projects?q=brand&client_id=cl_1');

    await userEvent.click(screen.getByRole('link', { name: 'Show all projects' }));
    expect(screen.getByTestId('address')).toHaveTextContent(/^\/app\/projects\?q=brand$/);
    expect(await screen.findByRole('link', { name: 'Website' })).toBeInTheDocument();
    expect(screen.queryByText(/Showing only/)).toBeNull();
  });
});
