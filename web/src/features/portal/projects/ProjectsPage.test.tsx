import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt, requestsOf, stubApi } from '@/test/testing';
import { base, inPortal, project } from './fixtures';
import { ProjectsPage } from './ProjectsPage';

// Pages load in steps (the project, then its part); a busy machine needs more than a second.
configure({ asyncUtilTimeout: 4000 });

const routes = [{ path: `${base}/projects`, element: inPortal(<ProjectsPage />) }];

it('lists open projects with an accessible progress bar, and closed ones under their tab', async () => {
  const fetch = stubApi({
    'GET /api/v1/portal/projects': (request) => {
      const state = new URL(request.url).searchParams.get('state');
      return {
        body: {
          items:
            state === 'open'
              ? [
                  project,
                  {
                    ...project,
                    id: 'pr_2',
                    name: 'Website',
                    due_date: null,
                    progress: { done: 0, total: 0, percent: 0 },
                  },
                ]
              : [],
          next_cursor: null,
        },
      };
    },
  });
  const user = userEvent.setup();
  renderAt(`${base}/projects`, routes);

  const link = await screen.findByRole('link', { name: 'Brand refresh' });
  expect(link).toHaveAttribute('href', `${base}/projects/pr_1`);
  const bar = screen.getByRole('progressbar', { name: 'Progress of Brand refresh' });
  expect(bar).toHaveAttribute('aria-valuenow', '37');
  expect(bar).toHaveAttribute('aria-valuemin', '0');
  expect(bar).toHaveAttribute('aria-valuemax', '100');
  expect(bar).toHaveAttribute('aria-valuetext', '3 of 8 tasks · 37%');
  const card = link.closest('article')!;
  expect(within(card).getByText('3 of 8 tasks · 37%')).toBeVisible();
  expect(within(card).getByText('In progress')).toBeVisible();
  expect(within(card).getByText('Due 18 Dec 2026')).toBeVisible();
  expect(screen.getByRole('progressbar', { name: 'Progress of Website' })).toHaveAttribute(
    'aria-valuenow',
    '0',
  );
  expect(screen.getByText('No tasks yet')).toBeVisible();
  expect(screen.getByRole('tab', { name: 'Open' })).toHaveAttribute('aria-selected', 'true');

  await user.click(screen.getByRole('tab', { name: 'Closed' }));
  expect(await screen.findByText('No closed projects')).toBeVisible();
  expect(screen.getByText(/Completed and cancelled projects are kept here/)).toBeVisible();
  expect(screen.getByRole('tab', { name: 'Closed' })).toHaveAttribute('aria-selected', 'true');
  expect(screen.getByTestId('address')).toHaveTextContent(`${base}/projects?state=closed`);
  expect(requestsOf(fetch)).toEqual([
    'GET /api/v1/portal/projects?state=open&limit=25',
    'GET /api/v1/portal/projects?state=closed&limit=25',
  ]);
});

it('says what will appear when there is no open project', async () => {
  stubApi({ 'GET /api/v1/portal/projects': { body: { items: [], next_cursor: null } } });
  renderAt(`${base}/projects`, routes);
  expect(await screen.findByText('No open projects')).toBeVisible();
  expect(screen.getByText(/When Lumen Design Studio starts a project for you/)).toBeVisible();
});
