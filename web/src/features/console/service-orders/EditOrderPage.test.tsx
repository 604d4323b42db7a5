import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditOrderPage } from './EditOrderPage';
import { anOrder } from './fixtures';
import { me, renderAt, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [
  { path: '/app/orders/:id/edit', element: <EditOrderPage /> },
  { path: '/app/orders/:id', element: <p>Order page</p> },
];

describe('EditOrderPage', () => {
  it('starts from the saved lines and sends only what changed', async () => {
    const bodies: unknown[] = [];
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/service-orders/so_7': { body: anOrder() },
      'PATCH /api/v1/service-orders/so_7': async (request) => {
        bodies.push(await request.json());
        return { body: anOrder({ updated_at: '2026-11-25T10:00:00Z' }) };
      },
    });
    renderAt('/app/orders/so_7/edit', page);

    const line2 = await screen.findByRole('listitem', { name: 'Line 2' });
    expect(within(line2).getByLabelText(/^Unit price/)).toHaveValue('45.00');
    expect(screen.getByLabelText('Order total')).toHaveTextContent('€219.00');
    await userEvent.clear(within(line2).getByLabelText(/^Quantity/));
    await userEvent.type(within(line2).getByLabelText(/^Quantity/), '3');
    expect(screen.getByLabelText('Order total')).toHaveTextContent('€264.00');
    await userEvent.click(screen.getByRole('button', { name: 'Save order' }));

    expect(await screen.findByText('SO-0007 saved')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        lines: [
          { description: 'Screen panel', quantity: 1, unit_price_minor: 12900 },
          { description: 'Labour (hours)', quantity: 3, unit_price_minor: 4500 },
        ],
      },
    ]);
  });
});
