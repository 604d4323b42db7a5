import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt, requestsOf, stubApi } from '@/test/testing';
import { base, inPortal, invoiceSummary } from '../fixtures';
import { InvoicesPage } from './InvoicesPage';

configure({ asyncUtilTimeout: 4000 });

const routes = [{ path: `${base}/invoices`, element: inPortal(<InvoicesPage />) }];

it('lists unpaid invoices with the overdue badge, and paid or all under their tabs', async () => {
  const fetch = stubApi({
    'GET /api/v1/portal/invoices': (request) =>
      new URL(request.url).searchParams.get('state') === 'unpaid'
        ? { body: { items: [invoiceSummary], next_cursor: null } }
        : { body: { items: [], next_cursor: null } },
  });
  const user = userEvent.setup();
  renderAt(`${base}/invoices`, routes);
  const link = await screen.findByRole('link', { name: 'INV-2026-0007' });
  expect(link).toHaveAttribute('href', `${base}/invoices/in_1`);
  const row = link.closest('tr')!;
  expect(within(row).getByText('Brand refresh, first half')).toBeVisible();
  expect(within(row).getByText('Partly paid')).toBeVisible();
  expect(within(row).getByText('Overdue')).toBeVisible();
  expect(within(row).getByText('15 Nov 2026')).toBeVisible();
  expect(within(row).getByText('€1,717.80')).toBeVisible();
  expect(within(row).getByText('€1,217.80')).toBeVisible();
  expect(screen.getByRole('tab', { name: 'Unpaid' })).toHaveAttribute('aria-selected', 'true');

  await user.click(screen.getByRole('tab', { name: 'Paid' }));
  expect(await screen.findByText('No paid invoices yet')).toBeVisible();
  await user.click(screen.getByRole('tab', { name: 'All' }));
  expect(await screen.findByText('No invoices yet')).toBeVisible();
  expect(requestsOf(fetch)).toEqual([
    'GET /api/v1/portal/invoices?state=unpaid&limit=25',
    'GET /api/v1/portal/invoices?state=paid&limit=25',
    'GET /api/v1/portal/invoices?state=all&limit=25',
  ]);
});

it('says what will appear when nothing is due', async () => {
  stubApi({ 'GET /api/v1/portal/invoices': { body: { items: [], next_cursor: null } } });
  renderAt(`${base}/invoices`, routes);
  expect(await screen.findByText('Nothing to pay')).toBeVisible();
  expect(screen.getByText(/it appears here until it is paid/)).toBeVisible();
});

it('loads the next page with the cursor', async () => {
  const fetch = stubApi({
    'GET /api/v1/portal/invoices': (request) =>
      new URL(request.url).searchParams.get('cursor') === 'c2'
        ? { body: { items: [{ ...invoiceSummary, id: 'in_2', number: 'INV-2026-0002' }], next_cursor: null } }
        : { body: { items: [invoiceSummary], next_cursor: 'c2' } },
  });
  const user = userEvent.setup();
  renderAt(`${base}/invoices?state=all`, routes);
  await screen.findByRole('link', { name: 'INV-2026-0007' });
  await user.click(screen.getByRole('button', { name: 'Show more' }));
  expect(await screen.findByRole('link', { name: 'INV-2026-0002' })).toBeVisible();
  expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  expect(requestsOf(fetch)).toEqual([
    'GET /api/v1/portal/invoices?state=all&limit=25',
    'GET /api/v1/portal/invoices?state=all&limit=25&cursor=c2',
  ]);
});
