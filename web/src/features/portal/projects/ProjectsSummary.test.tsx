import { configure, screen } from '@testing-library/react';
import { renderAt, stubApi } from '@/test/testing';
import { approved, base, inPortal, project, submitted } from './fixtures';
import { ProjectsSummary } from './ProjectsSummary';

// Pages load in steps (the project, then its part); a busy machine needs more than a second.
configure({ asyncUtilTimeout: 4000 });

const dashboard = {
  upcoming_appointments: 0,
  open_service_orders: 0,
  ready_service_orders: 0,
  active_projects: 1,
  completed_projects: 2,
  deliverables_awaiting_approval: 1,
  recent_activity: [],
};

it('counts active and completed projects and links what waits for approval to the deliverables', async () => {
  stubApi({
    'GET /api/v1/portal/dashboard': { body: dashboard },
    'GET /api/v1/portal/projects': {
      body: { items: [{ ...project, id: 'pr_0', name: 'Website' }, project], next_cursor: null },
    },
    'GET /api/v1/portal/projects/pr_0/deliverables': { body: { items: [approved] } },
    'GET /api/v1/portal/projects/pr_1/deliverables': { body: { items: [approved, submitted] } },
  });
  renderAt(base, [{ path: base, element: inPortal(<ProjectsSummary />) }]);

  expect(await screen.findByRole('link', { name: '1 Active projects' })).toHaveAttribute(
    'href',
    `${base}/projects`,
  );
  expect(screen.getByRole('link', { name: '2 Completed projects' })).toHaveAttribute(
    'href',
    `${base}/projects?state=closed`,
  );
  expect(await screen.findByRole('link', { name: 'Brand refresh' })).toBeVisible();
  // The one waiting is on the second project: both the count and the list lead there.
  expect(await screen.findByRole('link', { name: 'Logo concepts' })).toHaveAttribute(
    'href',
    `${base}/projects/pr_1/deliverables`,
  );
  expect(screen.getByText('· Brand refresh')).toBeVisible();
  expect(screen.getByRole('link', { name: '1 Waiting for your approval' })).toHaveAttribute(
    'href',
    `${base}/projects/pr_1/deliverables`,
  );
  expect(screen.getByRole('progressbar', { name: 'Progress of Brand refresh' })).toHaveAttribute(
    'aria-valuenow',
    '37',
  );
});

it('shows nothing to a client who never had a project', async () => {
  stubApi({
    'GET /api/v1/portal/dashboard': {
      body: { ...dashboard, active_projects: 0, completed_projects: 0, deliverables_awaiting_approval: 0 },
    },
    'GET /api/v1/portal/projects': { body: { items: [], next_cursor: null } },
  });
  const { container } = renderAt(base, [{ path: base, element: inPortal(<ProjectsSummary />) }]);
  await new Promise((r) => setTimeout(r, 50));
  expect(container.querySelector('a')).toBeNull();
});

it('shows no card for a count of zero', async () => {
  stubApi({
    'GET /api/v1/portal/dashboard': {
      body: { ...dashboard, active_projects: 1, completed_projects: 0, deliverables_awaiting_approval: 0 },
    },
    'GET /api/v1/portal/projects': { body: { items: [project], next_cursor: null } },
  });
  renderAt(base, [{ path: base, element: inPortal(<ProjectsSummary />) }]);

  expect(await screen.findByRole('link', { name: '1 Active projects' })).toBeVisible();
  expect(screen.queryByRole('link', { name: /Completed projects/ })).toBeNull();
  expect(screen.queryByRole('link', { name: /Waiting for your approval/ })).toBeNull();
  expect(screen.queryByText('0')).toBeNull();
});
