import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aProjectDetail, team } from './fixtures';
import { NewProjectPage } from './NewProjectPage';
import { me, problem, renderAt, requestsOf, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [
  { path: '/app/projects/new', element: <NewProjectPage /> },
  { path: '/app/projects/:id', element: <p>Project page</p> },
];

const maria = {
  id: 'cl_1',
  name: 'Maria Lopez',
  email: 'maria@example.com',
  phone: null,
  company: 'Lopez Design SL',
  notes: null,
  status: 'active',
  portal_enabled: true,
  invited_at: null,
  last_login_at: null,
  created_at: '2025-03-01T10:00:00Z',
  updated_at: '2025-03-01T10:00:00Z',
};

const common = {
  'GET /api/v1/me': { body: me },
  'GET /api/v1/tenant': { body: tenant },
  'GET /api/v1/staff': { body: team },
  'GET /api/v1/clients': { body: { items: [maria], next_cursor: null } },
};

async function fillIn() {
  await userEvent.type(screen.getByRole('combobox', { name: 'Client' }), 'mar');
  await userEvent.click(await screen.findByRole('option', { name: /Maria Lopez/ }, { timeout: 5000 }));
  await userEvent.type(screen.getByLabelText('Name'), 'Brand refresh');
  await userEvent.type(screen.getByLabelText('Description'), 'New logo and palette.');
  await userEvent.selectOptions(screen.getByLabelText('Status'), 'active');
  await userEvent.type(screen.getByLabelText('Start date'), '2026-11-02');
  await userEvent.type(screen.getByLabelText('Due date'), '2026-12-18');
  await userEvent.selectOptions(await screen.findByLabelText('Assigned to'), 'Ben Ortiz');
  await userEvent.click(screen.getByRole('checkbox', { name: /Client may upload files/ }));
}

describe('NewProjectPage', () => {
  it('creates the project with every field and opens it', async () => {
    const bodies: unknown[] = [];
    stubApi({
      ...common,
      'POST /api/v1/projects': async (request) => {
        bodies.push(await request.json());
        return { status: 201, body: aProjectDetail() };
      },
    });
    renderAt('/app/projects/new', page);
    await screen.findByRole('option', { name: 'Ben Ortiz' }, { timeout: 5000 });
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Create project' }));

    expect(await screen.findByText('Project “Brand refresh” created for Maria Lopez')).toBeInTheDocument();
    expect(screen.getByTestId('address')).toHaveTextContent('/app/projects/pr_1');
    expect(bodies).toEqual([
      {
        client_id: 'cl_1',
        name: 'Brand refresh',
        description: 'New logo and palette.',
        status: 'active',
        start_date: '2026-11-02',
        due_date: '2026-12-18',
        staff_id: 'st_2',
        client_uploads: true,
      },
    ]);
  });

  it('shows the server’s field errors under the fields they concern', async () => {
    stubApi({
      ...common,
      'POST /api/v1/projects': problem(422, "2 fields are invalid; see 'errors'.", [
        { field: 'due_date', message: 'The due date cannot be before the start date.' },
        { field: 'name', message: 'A project with this name already exists for this client.' },
      ]),
    });
    renderAt('/app/projects/new', page);
    await screen.findByRole('option', { name: 'Ben Ortiz' }, { timeout: 5000 });
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Create project' }));

    const name = screen.getByLabelText('Name');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription('A project with this name already exists for this client.');
    expect(screen.getByLabelText('Due date')).toHaveAccessibleDescription(
      'The due date cannot be before the start date.',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct the 2 highlighted fields.');
    expect(screen.getByTestId('address')).toHaveTextContent('/app/projects/new');
  });

  it('says what is missing before sending anything', async () => {
    const fetch = stubApi(common);
    renderAt('/app/projects/new', page);
    await userEvent.click(await screen.findByRole('button', { name: 'Create project' }));
    expect(await screen.findByText('Choose the client.')).toBeInTheDocument();
    expect(screen.getByText('Give the project a name.')).toBeInTheDocument();
    expect(fetch.mock.calls.some(([r]) => (r as Request).method === 'POST')).toBe(false);
  });

  it('starts for the client in the address and makes the project from a template', async () => {
    const bodies: unknown[] = [];
    const fetch = stubApi({
      ...common,
      'GET /api/v1/clients/cl_1': { body: maria },
      'GET /api/v1/templates': {
        body: {
          items: [
            {
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
            },
          ],
        },
      },
      'POST /api/v1/templates/tp_1/project': async (request) => {
        bodies.push(await request.json());
        return { status: 201, body: aProjectDetail() };
      },
    });
    renderAt('/app/projects/new?client_id=cl_1', page);

    expect(await screen.findByRole('group', { name: 'Client' })).toHaveTextContent('Maria Lopez');
    const template = screen.getByLabelText('Start from a template');
    await waitFor(() => expect(template).toBeEnabled());
    expect(template).toHaveAccessibleDescription('Its tasks and deliverables are added to the new project.');
    await userEvent.selectOptions(template, 'Website project');
    expect(template).toHaveAccessibleDescription('It adds 3 tasks and 1 deliverable to the new project.');
    expect(screen.getByLabelText('Description')).toHaveAccessibleDescription(
      /^Leave it empty to use the template’s description\./,
    );

    await userEvent.type(screen.getByLabelText('Name'), 'Brand refresh');
    await userEvent.click(screen.getByRole('button', { name: 'Create project' }));

    expect(
      await screen.findByText(
        'Project “Brand refresh” created for Maria Lopez from the template “Website project”',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('address')).toHaveTextContent('/app/projects/pr_1');
    expect(bodies).toEqual([
      { client_id: 'cl_1', name: 'Brand refresh', status: 'planned', client_uploads: false },
    ]);
    expect(requestsOf(fetch)).not.toContain('POST /api/v1/projects');
  });
});
