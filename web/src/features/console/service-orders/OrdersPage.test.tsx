import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anOrder } from './fixtures';
import { OrdersPage } from './OrdersPage';
import { me, renderAt, requestsOf, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/orders', element: <OrdersPage /> }];

describe('OrdersPage', () => {
  it('shows only the client in the address, with a notice that leads back to every order', async () => {
    const fetch = stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/clients/cl_1': { body: { id: 'cl_1', name: 'Maria Lopez' } },
      'GET /api/v1/service-orders': (request) => {
        const forMaria = new URL(request.url).searchParams.get('client_id') === 'cl_1';
        const other = anOrder({
          id: 'so_8',
          number: 8,
          reference: 'SO-0008',
          client_id: 'cl_2',
          client_name: 'Tom Berg',
        });
        return { body: { items: forMaria ? [anOrder()] : [anOrder(), other], next_cursor: null } };
      },
    });
    renderAt('/app/orders?status=in_progress&client_id=cl_1', page);

    expect(await screen.findByText('Showing only Maria Lopez’s orders.')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'SO-0007' })).toHaveAttribute('href', '/app/orders/so_7');
    expect(screen.queryByRole('link', { name: 'SO-0008' })).toBeNull();
    expect(requestsOf(fetch)).toContain('GET /api/v1/service-orders?status=in_progress&client_id=cl_1');

    await userEvent.click(screen.getByRole('link', { name: 'Show all orders' }));
    expect(screen.getByTestId('address')).toHaveTextContent(/^\/app\/orders\?status=in_progress$/);
    expect(await screen.findByRole('link', { name: 'SO-0008' })).toBeInTheDocument();
    expect(screen.queryByText(/Showing only/)).toBeNull();
  });
});
