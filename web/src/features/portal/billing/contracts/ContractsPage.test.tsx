import { configure, screen, within } from '@testing-library/react';
import { renderAt, stubApi } from '@/test/testing';
import { ContractsPage } from './ContractsPage';
import { base, contractSummary, inPortal } from '../fixtures';

configure({ asyncUtilTimeout: 4000 });

const routes = [{ path: `${base}/contracts`, element: inPortal(<ContractsPage />) }];

it('lists contracts, those to sign first', async () => {
  stubApi({
    'GET /api/v1/portal/contracts': {
      body: {
        items: [
          {
            ...contractSummary,
            id: 'ct_0',
            title: 'Photo licence',
            status: 'signed',
            signed_at: '2026-10-02T08:00:00Z',
          },
          contractSummary,
        ],
      },
    },
  });
  renderAt(`${base}/contracts`, routes);
  const link = await screen.findByRole('link', { name: 'Design agreement' });
  expect(link).toHaveAttribute('href', `${base}/contracts/ct_1`);
  expect(within(link.closest('article')!).getByText('Awaiting your signature')).toBeVisible();
  expect(within(link.closest('article')!).getByText('Sent 20 Nov 2026, 10:00')).toBeVisible();
  const signed = screen.getByRole('link', { name: 'Photo licence' }).closest('article')!;
  expect(within(signed).getByText('Signed')).toBeVisible();
  expect(within(signed).getByText('Signed 2 Oct 2026, 10:00')).toBeVisible();
  const titles = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
  expect(titles).toEqual(['Design agreement', 'Photo licence']);
});

it('says what will appear when there is no contract', async () => {
  stubApi({ 'GET /api/v1/portal/contracts': { body: { items: [] } } });
  renderAt(`${base}/contracts`, routes);
  expect(await screen.findByText('No contracts yet')).toBeVisible();
  expect(screen.getByText(/you read it, sign it online, and download the signed copy/)).toBeVisible();
});
