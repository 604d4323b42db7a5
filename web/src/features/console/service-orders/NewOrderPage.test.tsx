import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anOrder } from './fixtures';
import { NewOrderPage } from './NewOrderPage';
import { me, renderAt, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [
  { path: '/app/orders/new', element: <NewOrderPage /> },
  { path: '/app/orders/:id', element: <p>Order page</p> },
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

describe('NewOrderPage line editor', () => {
  it('totals the lines as they are typed and sends the amounts in minor units', async () => {
    const bodies: unknown[] = [];
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/clients': { body: { items: [maria], next_cursor: null } },
      'POST /api/v1/service-orders': async (request) => {
        bodies.push(await request.json());
        return { status: 201, body: anOrder({ status: 'received' }) };
      },
    });
    renderAt('/app/orders/new', page);

    const total = await screen.findByLabelText('Order total');
    expect(total).toHaveTextContent('€0.00');

    const line1 = screen.getByRole('listitem', { name: 'Line 1' });
    await userEvent.type(within(line1).getByLabelText(/^Description/), 'Screen panel');
    await userEvent.type(within(line1).getByLabelText(/^Unit price/), '129,00');
    expect(within(line1).getByLabelText('Line 1 total')).toHaveTextContent('€129.00');

    await userEvent.click(screen.getByRole('button', { name: 'Add line' }));
    const line2 = screen.getByRole('listitem', { name: 'Line 2' });
    await userEvent.type(within(line2).getByLabelText(/^Description/), 'Labour (hours)');
    await userEvent.clear(within(line2).getByLabelText(/^Quantity/));
    await userEvent.type(within(line2).getByLabelText(/^Quantity/), '3');
    await userEvent.type(within(line2).getByLabelText(/^Unit price/), '45.5');
    expect(within(line2).getByLabelText('Line 2 total')).toHaveTextContent('€136.50');
    expect(screen.getByLabelText('Order total')).toHaveTextContent('€265.50');

    await userEvent.click(screen.getByRole('button', { name: 'Add line' }));
    await userEvent.type(
      within(screen.getByRole('listitem', { name: 'Line 3' })).getByLabelText(/^Unit price/),
      '10',
    );
    expect(screen.getByLabelText('Order total')).toHaveTextContent('€275.50');
    await userEvent.click(screen.getByRole('button', { name: 'Remove line 3' }));
    expect(screen.getByLabelText('Order total')).toHaveTextContent('€265.50');

    await userEvent.type(screen.getByRole('combobox', { name: 'Client' }), 'mar');
    await userEvent.click(await screen.findByRole('option', { name: /Maria Lopez/ }, { timeout: 5000 }));
    await userEvent.type(screen.getByLabelText('Title'), 'Laptop screen repair');
    await userEvent.type(screen.getByLabelText('Estimated completion'), '2026-12-04');
    await userEvent.click(screen.getByRole('button', { name: 'Create order' }));

    expect(await screen.findByText('SO-0007 created for Maria Lopez')).toBeInTheDocument();
    expect(screen.getByTestId('address')).toHaveTextContent('/app/orders/so_7');
    expect(bodies).toEqual([
      {
        client_id: 'cl_1',
        title: 'Laptop screen repair',
        lines: [
          { description: 'Screen panel', quantity: 1, unit_price_minor: 12900 },
          { description: 'Labour (hours)', quantity: 3, unit_price_minor: 4550 },
        ],
        estimated_completion: '2026-12-04',
      },
    ]);
  });

  it('says what is missing before sending anything', async () => {
    const fetch = stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/clients': { body: { items: [maria], next_cursor: null } },
    });
    renderAt('/app/orders/new', page);
    const line1 = await screen.findByRole('listitem', { name: 'Line 1' });
    await userEvent.type(within(line1).getByLabelText(/^Unit price/), '12.345.6');
    await userEvent.click(screen.getByRole('button', { name: 'Create order' }));

    expect(await screen.findByText('Choose the client.')).toBeInTheDocument();
    expect(screen.getByText('Give the order a title.')).toBeInTheDocument();
    expect(within(line1).getByText('Say what this line is for.')).toBeInTheDocument();
    expect(within(line1).getByText('An amount such as 12.50.')).toBeInTheDocument();
    await waitFor(() => expect(fetch.mock.calls.some(([r]) => (r as Request).method === 'POST')).toBe(false));
  });
});
