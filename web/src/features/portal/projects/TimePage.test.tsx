import { configure, screen, within } from '@testing-library/react';
import { renderAt, stubApi } from '@/test/testing';
import { base, client, inPortal, projectDetail } from './fixtures';
import { TimePage } from './TimePage';

// Pages load in steps (the project, then its part); a busy machine needs more than a second.
configure({ asyncUtilTimeout: 4000 });

it('shows billable entries, totals and totals per month in the tenant’s money', async () => {
  stubApi({
    'GET /api/v1/portal/me': { body: client },
    'GET /api/v1/portal/projects/pr_1': { body: projectDetail },
    'GET /api/v1/portal/projects/pr_1/time': {
      body: {
        entries: [
          {
            id: 'tl_2',
            work_date: '2026-11-18',
            minutes: 90,
            description: 'Logo concepts',
            amount_minor: 12000,
          },
          {
            id: 'tl_1',
            work_date: '2026-10-30',
            minutes: 45,
            description: 'Kick-off call',
            amount_minor: 6000,
          },
        ],
        totals: { minutes: 135, amount_minor: 18000, currency: 'EUR' },
        by_month: [
          { month: '2026-11', minutes: 90, amount_minor: 12000 },
          { month: '2026-10', minutes: 45, amount_minor: 6000 },
        ],
      },
    },
  });
  renderAt(`${base}/projects/pr_1/time`, [
    { path: `${base}/projects/:id/time`, element: inPortal(<TimePage />) },
  ]);

  expect(await screen.findByTestId('total-time')).toHaveTextContent('2 h 15 min');
  expect(screen.getByTestId('total-amount')).toHaveTextContent('€180.00');
  expect(screen.getByText('November 2026').parentElement).toHaveTextContent('1 h 30 min · €120.00');
  expect(screen.getByText('October 2026').parentElement).toHaveTextContent('45 min · €60.00');
  const row = screen.getByText('Logo concepts').closest('tr')!;
  expect(within(row).getByText('18 Nov 2026')).toBeVisible();
  expect(within(row).getByText('€120.00')).toBeVisible();
});

it('says what will appear when no billable time is logged', async () => {
  stubApi({
    'GET /api/v1/portal/me': { body: client },
    'GET /api/v1/portal/projects/pr_1': { body: projectDetail },
    'GET /api/v1/portal/projects/pr_1/time': {
      body: { entries: [], totals: { minutes: 0, amount_minor: 0, currency: 'EUR' }, by_month: [] },
    },
  });
  renderAt(`${base}/projects/pr_1/time`, [
    { path: `${base}/projects/:id/time`, element: inPortal(<TimePage />) },
  ]);
  expect(await screen.findByText('No billable time yet')).toBeVisible();
});
