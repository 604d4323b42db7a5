import { configure, screen } from '@testing-library/react';
import { renderAt, stubApi } from '@/test/testing';
import { base, inPortal } from './fixtures';
import { MoneySummary } from './MoneySummary';

configure({ asyncUtilTimeout: 4000 });

const routes = [{ path: base, element: inPortal(<MoneySummary />) }];

// The other parts of the dashboard answer too; this part reads only its own fields.
const dashboard = {
  upcoming_appointments: 0,
  open_service_orders: 0,
  ready_service_orders: 0,
  recent_activity: [],
  active_projects: 0,
  completed_projects: 0,
  deliverables_awaiting_approval: 0,
};

it('shows the amount due per currency, the next invoice and what waits, each linking to its page', async () => {
  stubApi({
    'GET /api/v1/portal/dashboard': {
      body: {
        ...dashboard,
        amount_due: [
          { currency: 'EUR', amount_minor: 121780 },
          { currency: 'USD', amount_minor: 30000 },
        ],
        next_due_invoice: {
          id: 'in_1',
          number: 'INV-2026-0007',
          due_date: '2026-11-15',
          due_minor: 121780,
          currency: 'EUR',
          overdue: true,
        },
        quotes_awaiting_decision: 1,
        contracts_awaiting_signature: 2,
      },
    },
  });
  renderAt(base, routes);
  const due = await screen.findByRole('link', { name: /Amount due/ });
  expect(due).toHaveAttribute('href', `${base}/invoices`);
  expect(due).toHaveTextContent('Amount due€1,217.80US$300.00');
  const next = screen.getByRole('link', { name: /Next invoice due/ });
  expect(next).toHaveAttribute('href', `${base}/invoices/in_1`);
  expect(next).toHaveTextContent('Overdue');
  expect(next).toHaveTextContent('INV-2026-0007 · was due 15 Nov 2026');
  expect(screen.getByRole('link', { name: '1 Quote awaits your decision' })).toHaveAttribute(
    'href',
    `${base}/quotes`,
  );
  expect(screen.getByRole('link', { name: '2 Contracts await your signature' })).toHaveAttribute(
    'href',
    `${base}/contracts`,
  );
});

it('shows nothing to a client with nothing due or waiting', async () => {
  const fetch = stubApi({
    'GET /api/v1/portal/dashboard': {
      body: {
        ...dashboard,
        amount_due: [],
        next_due_invoice: null,
        quotes_awaiting_decision: 0,
        contracts_awaiting_signature: 0,
      },
    },
  });
  renderAt(base, routes);
  await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(screen.queryByRole('region', { name: 'Quotes, contracts and invoices' })).toBeNull();
  expect(screen.queryByRole('link')).toBeNull();
});
