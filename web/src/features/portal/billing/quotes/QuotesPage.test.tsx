import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt, requestsOf, stubApi } from '@/test/testing';
import { base, inPortal, quoteSummary } from '../fixtures';
import { QuotesPage } from './QuotesPage';

configure({ asyncUtilTimeout: 4000 });

const routes = [{ path: `${base}/quotes`, element: inPortal(<QuotesPage />) }];

it('lists open quotes with their total and validity, and closed ones under their tab', async () => {
  const fetch = stubApi({
    'GET /api/v1/portal/quotes': (request) =>
      new URL(request.url).searchParams.get('state') === 'open'
        ? { body: { items: [quoteSummary] } }
        : {
            body: {
              items: [
                { ...quoteSummary, id: 'qt_0', number: 'Q-2026-0000', title: 'Old logo', status: 'expired' },
              ],
            },
          },
  });
  const user = userEvent.setup();
  renderAt(`${base}/quotes`, routes);

  const link = await screen.findByRole('link', { name: 'Brand refresh' });
  expect(link).toHaveAttribute('href', `${base}/quotes/qt_1`);
  const card = link.closest('article')!;
  expect(within(card).getByText('Q-2026-0001')).toBeVisible();
  expect(within(card).getByText('Awaiting your decision')).toBeVisible();
  expect(within(card).getByText('€1,717.80')).toBeVisible();
  expect(within(card).getByText('Valid until 31 Dec 2026')).toBeVisible();

  await user.click(screen.getByRole('tab', { name: 'Closed' }));
  const old = await screen.findByRole('link', { name: 'Old logo' });
  expect(within(old.closest('article')!).getByText('Expired')).toBeVisible();
  expect(screen.getByTestId('address')).toHaveTextContent(`${base}/quotes?state=closed`);
  expect(requestsOf(fetch)).toEqual([
    'GET /api/v1/portal/quotes?state=open',
    'GET /api/v1/portal/quotes?state=closed',
  ]);
});

it('says what will appear when there is no quote yet', async () => {
  stubApi({ 'GET /api/v1/portal/quotes': { body: { items: [] } } });
  renderAt(`${base}/quotes`, routes);
  expect(await screen.findByText('No open quotes')).toBeVisible();
  expect(screen.getByText(/When Lumen Design Studio sends you a quote, it appears here/)).toBeVisible();
});

it('lists a quote under revision as sent, marked as being revised', async () => {
  stubApi({
    'GET /api/v1/portal/quotes': { body: { items: [{ ...quoteSummary, revision: 1, being_revised: true }] } },
  });
  renderAt(`${base}/quotes`, routes);
  const link = await screen.findByRole('link', { name: 'Brand refresh' });
  const card = link.closest('article')!;
  expect(within(card).getByText('Being revised')).toBeVisible();
  expect(within(card).queryByText('Awaiting your decision')).toBeNull();
  expect(within(card).getByText('€1,717.80')).toBeVisible();
});
