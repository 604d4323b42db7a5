import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { me, renderAt, requestsOf, stubApi, tenant } from '@/test/testing';
import { aQuoteSummary, mariaClient } from '../fixtures';
import { QuotesPage } from './QuotesPage';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/quotes', element: <QuotesPage /> }];

describe('QuotesPage', () => {
  it('lists number, client, status, total, validity and the client’s views', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/quotes': {
        body: {
          items: [
            aQuoteSummary({ revision: 2 }),
            aQuoteSummary({
              id: 'qt_2',
              number: 'Q-2026-0002',
              title: 'Menu boards',
              status: 'draft',
              view_count: 0,
              first_viewed_at: null,
              sent_at: null,
            }),
          ],
          next_cursor: null,
        },
      },
    });
    renderAt('/app/quotes', page);

    const table = await screen.findByRole('table', { name: 'Quotes' });
    const row = within(table).getByRole('link', { name: 'Q-2026-0001' }).closest('tr')!;
    expect(within(row).getByText('rev. 2')).toBeInTheDocument();
    expect(within(row).getByText('Brand refresh')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Maria Lopez' })).toHaveAttribute(
      'href',
      '/app/clients/cl_1',
    );
    expect(within(row).getByText('Sent')).toBeInTheDocument();
    expect(within(row).getByText('€1,717.80')).toBeInTheDocument();
    expect(await within(row).findByText('31 Dec 2026')).toBeInTheDocument();
    // First viewed 08:30 UTC is 09:30 in Paris.
    expect(within(row).getByText(/21 Nov 2026, 09:30/)).toBeInTheDocument();
    expect(within(row).getByText('Opened 3 times')).toBeInTheDocument();
    const draft = within(table).getByRole('link', { name: 'Q-2026-0002' }).closest('tr')!;
    expect(within(draft).getByText('Draft')).toBeInTheDocument();
  });

  it('filters by status through the address and says when nothing matches', async () => {
    const fetch = stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/quotes': (request) => ({
        body: {
          items: new URL(request.url).searchParams.get('status') ? [] : [aQuoteSummary()],
          next_cursor: null,
        },
      }),
    });
    renderAt('/app/quotes', page);
    await screen.findByRole('table', { name: 'Quotes' });

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Changes requested');
    expect(await screen.findByText('No quotes match')).toBeInTheDocument();
    expect(screen.getByTestId('address')).toHaveTextContent('/app/quotes?status=changes_requested');
    await waitFor(() => expect(requestsOf(fetch)).toContain('GET /api/v1/quotes?status=changes_requested'));

    await userEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(await screen.findByRole('table', { name: 'Quotes' })).toBeInTheDocument();
  });

  it('shows only the client in the address, says so, and shows everyone’s again', async () => {
    const fetch = stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/clients/cl_1': { body: mariaClient },
      'GET /api/v1/quotes': (request) => {
        const forMaria = new URL(request.url).searchParams.get('client_id') === 'cl_1';
        const other = aQuoteSummary({
          id: 'qt_2',
          number: 'Q-2026-0002',
          client: { id: 'cl_2', name: 'Tom Berg' },
        });
        return {
          body: { items: forMaria ? [aQuoteSummary()] : [aQuoteSummary(), other], next_cursor: null },
        };
      },
    });
    renderAt('/app/quotes?client_id=cl_1&status=sent', page);

    expect(await screen.findByText('Showing only Maria Lopez’s quotes.')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Quotes' });
    expect(within(table).getByRole('link', { name: 'Q-2026-0001' })).toBeInTheDocument();
    expect(within(table).queryByRole('link', { name: 'Q-2026-0002' })).toBeNull();
    // The other filters stay as they were.
    expect(screen.getByLabelText('Status')).toHaveValue('sent');
    expect(requestsOf(fetch)).toContain('GET /api/v1/quotes?status=sent&client_id=cl_1');

    await userEvent.click(screen.getByRole('link', { name: 'Show all quotes' }));
    expect(screen.getByTestId('address')).toHaveTextContent(/^\/app\/quotes\?status=sent$/);
    expect(await within(table).findByRole('link', { name: 'Q-2026-0002' })).toBeInTheDocument();
    expect(screen.queryByText(/Showing only/)).toBeNull();
    expect(requestsOf(fetch)).toContain('GET /api/v1/quotes?status=sent');
  });

  it('names the client from the list while the client cannot be loaded, else says “this client”', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/quotes': (request) => ({
        body: {
          items: new URL(request.url).searchParams.get('client_id') === 'cl_1' ? [aQuoteSummary()] : [],
          next_cursor: null,
        },
      }),
    });
    const { unmount } = renderAt('/app/quotes?client_id=cl_1', page);
    expect(await screen.findByText('Showing only Maria Lopez’s quotes.')).toBeInTheDocument();
    unmount();

    renderAt('/app/quotes?client_id=cl_9', page);
    expect(await screen.findByText('No quotes match')).toBeInTheDocument();
    expect(screen.getByText('Showing only this client’s quotes.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Show all quotes' })).toHaveAttribute('href', '/app/quotes');
  });

  it('explains quotes when there are none yet', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/quotes': { body: { items: [], next_cursor: null } },
    });
    renderAt('/app/quotes', page);
    expect(await screen.findByText('No quotes yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Write your first quote' })).toHaveAttribute(
      'href',
      '/app/quotes/new',
    );
  });
});
