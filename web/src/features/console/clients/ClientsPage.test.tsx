import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link } from 'react-router';
import { afterEach } from 'vitest';
import { ClientsPage } from './ClientsPage';
import { aClient } from './fixtures';
import { me, problem, renderAt, requestsOf, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/clients', element: <ClientsPage /> }];
const common = { 'GET /api/v1/me': { body: me }, 'GET /api/v1/tenant': { body: tenant } };

describe('ClientsPage', () => {
  it('lists clients with their status and portal access, each linking to its page', async () => {
    stubApi({
      ...common,
      'GET /api/v1/clients': {
        body: {
          items: [
            aClient(),
            aClient({
              id: 'cl_2',
              name: 'Tom Berg',
              email: 'tom@example.com',
              company: null,
              status: 'lead',
              invited_at: '2025-03-02T10:00:00Z',
            }),
          ],
          next_cursor: null,
        },
      },
    });
    renderAt('/app/clients', page);

    const maria = await screen.findByRole('link', { name: 'Maria Lopez' });
    expect(maria).toHaveAttribute('href', '/app/clients/cl_1');
    const mariaRow = maria.closest('tr')!;
    expect(within(mariaRow).getByText('maria@example.com')).toBeInTheDocument();
    expect(within(mariaRow).getByText('Lopez Design SL')).toBeInTheDocument();
    expect(within(mariaRow).getByText('Active')).toBeInTheDocument();
    expect(within(mariaRow).getByText('Not invited yet')).toBeInTheDocument();

    const tomRow = screen.getByRole('link', { name: 'Tom Berg' }).closest('tr')!;
    expect(within(tomRow).getByText('Lead')).toBeInTheDocument();
    // In the business's locale and time zone (en-GB, Europe/Paris), not the browser's.
    expect(await within(tomRow).findByText('Invited 2 Mar 2025, 11:00')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more clients' })).not.toBeInTheDocument();
  });

  it('says what to do when there are no clients yet', async () => {
    stubApi({ ...common, 'GET /api/v1/clients': { body: { items: [], next_cursor: null } } });
    renderAt('/app/clients', page);

    expect(await screen.findByText('No clients yet')).toBeInTheDocument();
    expect(screen.getByText(/Add your first client, then invite them to the portal/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add your first client' })).toHaveAttribute(
      'href',
      '/app/clients/new',
    );
  });

  it('shows the server’s explanation when the list cannot be loaded', async () => {
    stubApi({
      ...common,
      'GET /api/v1/clients': problem(503, 'The database is busy. Try again in a minute.'),
    });
    renderAt('/app/clients', page);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The clients could not be loaded');
    expect(alert).toHaveTextContent('The database is busy. Try again in a minute.');
  });

  it('searches once typing pauses, keeps the search in the address, and says when nothing matches', async () => {
    const fetch = stubApi({
      ...common,
      'GET /api/v1/clients': (request) => {
        const q = new URL(request.url).searchParams.get('q');
        return { body: { items: q ? [] : [aClient()], next_cursor: null } };
      },
    });
    renderAt('/app/clients', page);
    await screen.findByRole('link', { name: 'Maria Lopez' });

    await userEvent.type(screen.getByLabelText('Search'), 'zed');

    expect(await screen.findByText('No clients match')).toBeInTheDocument();
    expect(screen.getByText(/contains “zed”/)).toBeInTheDocument();
    expect(screen.getByTestId('address')).toHaveTextContent('/app/clients?q=zed');
    // One request for the settled text, not one per keystroke.
    expect(requestsOf(fetch).filter((r) => r.startsWith('GET /api/v1/clients?q='))).toEqual([
      'GET /api/v1/clients?q=zed',
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'Clear search and filter' }));
    expect(await screen.findByRole('link', { name: 'Maria Lopez' })).toBeInTheDocument();
    expect(screen.getByLabelText('Search')).toHaveValue('');
  });

  it('filters by status from the address and loads the next page with the cursor', async () => {
    const fetch = stubApi({
      ...common,
      'GET /api/v1/clients': (request) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        return cursor
          ? {
              body: {
                items: [aClient({ id: 'cl_3', name: 'Zoe Archer', status: 'archived' })],
                next_cursor: null,
              },
            }
          : { body: { items: [aClient({ status: 'archived' })], next_cursor: 'c2' } };
      },
    });
    renderAt('/app/clients?status=archived', page);

    await screen.findByRole('link', { name: 'Maria Lopez' });
    expect(screen.getByLabelText('Status')).toHaveValue('archived');
    await userEvent.click(screen.getByRole('button', { name: 'Load more clients' }));

    expect(await screen.findByRole('link', { name: 'Zoe Archer' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Maria Lopez' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more clients' })).not.toBeInTheDocument();
    await waitFor(() => expect(requestsOf(fetch)).toContain('GET /api/v1/clients?status=archived&cursor=c2'));
  });

  it('follows the address when it changes without typing, such as the Clients menu link', async () => {
    stubApi({
      ...common,
      'GET /api/v1/clients': (request) => {
        const q = new URL(request.url).searchParams.get('q');
        return { body: { items: q ? [] : [aClient()], next_cursor: null } };
      },
    });
    renderAt('/app/clients?q=zed', [
      {
        path: '/app/clients',
        element: (
          <>
            <Link to="/app/clients">Clients menu</Link>
            <ClientsPage />
          </>
        ),
      },
    ]);
    expect(await screen.findByText('No clients match')).toBeInTheDocument();
    expect(screen.getByLabelText('Search')).toHaveValue('zed');

    await userEvent.click(screen.getByRole('link', { name: 'Clients menu' }));

    expect(await screen.findByRole('link', { name: 'Maria Lopez' })).toBeInTheDocument();
    expect(screen.getByLabelText('Search')).toHaveValue('');
    // Still cleared once the old search would have settled.
    await new Promise((r) => setTimeout(r, 400));
    expect(screen.getByTestId('address')).toHaveTextContent(/^\/app\/clients$/);
  });
});
