import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anOrder } from './fixtures';
import { OrderDetailPage } from './OrderDetailPage';
import { me, renderAt, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/orders/:id', element: <OrderDetailPage /> }];

describe('OrderDetailPage', () => {
  it('shows the lines, total and history, and marks the order ready', async () => {
    const bodies: unknown[] = [];
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/service-orders/so_7': { body: anOrder() },
      'POST /api/v1/service-orders/so_7/status': async (request) => {
        bodies.push(await request.json());
        return { body: anOrder({ status: 'ready', updated_at: '2026-11-25T09:00:00Z' }) };
      },
    });
    renderAt('/app/orders/so_7', page);

    expect(
      await screen.findByRole('heading', { name: 'Laptop screen repair', level: 1 }),
    ).toBeInTheDocument();
    const labour = screen.getByText('Labour (hours)').closest('tr')!;
    expect(await within(labour).findByText('€45.00')).toBeInTheDocument();
    expect(within(labour).getByText('€90.00')).toBeInTheDocument();
    expect(screen.getByText('“Parts ordered”')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start work' })).not.toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Note for the history (optional)'), 'Tested and working');
    await userEvent.click(screen.getByRole('button', { name: 'Mark ready' }));

    expect(
      await screen.findByText('SO-0007 marked ready — Maria Lopez has been emailed'),
    ).toBeInTheDocument();
    expect(bodies).toEqual([{ status: 'ready', note: 'Tested and working' }]);
    expect(await screen.findByRole('button', { name: 'Mark delivered' })).toBeInTheDocument();
  });

  it('cancels only after asking', async () => {
    const bodies: unknown[] = [];
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/service-orders/so_7': { body: anOrder({ status: 'received' }) },
      'POST /api/v1/service-orders/so_7/status': async (request) => {
        bodies.push(await request.json());
        return { body: anOrder({ status: 'cancelled' }) };
      },
    });
    renderAt('/app/orders/so_7', page);

    await userEvent.click(await screen.findByRole('button', { name: 'Cancel order' }));
    expect(bodies).toEqual([]);
    await userEvent.type(screen.getByLabelText('Note (optional)'), 'Client changed their mind');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel order' }));

    expect(await screen.findByText('SO-0007 cancelled — Maria Lopez has been emailed')).toBeInTheDocument();
    expect(bodies).toEqual([{ status: 'cancelled', note: 'Client changed their mind' }]);
    expect(screen.getByText(/can no longer change/)).toBeInTheDocument();
  });
});
