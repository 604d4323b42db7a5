import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { renderAt, requestsOf, stubApi } from '@/test/testing';
import { NotificationBell } from './NotificationBell';
import { aNotification, base, inPortal, me } from './fixtures';

configure({ asyncUtilTimeout: 4000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const routes = [
  {
    path: '*',
    element: inPortal(
      <>
        <NotificationBell />
        <p>Page</p>
      </>,
    ),
  },
];

const latest = [
  aNotification(),
  aNotification({
    id: 'n_2',
    kind: 'message_posted',
    title: 'Anna wrote in “Design feedback”',
    target: { kind: 'thread', id: 'th_1', project_id: 'pr_1' },
    at: '2026-11-19T09:00:00Z',
    read: true,
  }),
];

function stubs(unread = 1) {
  let count = unread;
  return stubApi({
    'GET /api/v1/portal/me': { body: me },
    'GET /api/v1/portal/notifications/unread-count': () => ({ body: { unread_count: count } }),
    'GET /api/v1/portal/notifications': { body: { items: latest, next_cursor: 'c2', unread_count: count } },
    'POST /api/v1/portal/notifications/n_1/read': () => {
      count = 0;
      return { status: 204 };
    },
  });
}

it('names the unread count on the bell', async () => {
  stubs(3);
  renderAt(base, routes);
  expect(await screen.findByRole('button', { name: 'Notifications, 3 unread' })).toBeVisible();
  expect(screen.getByTestId('unread-badge')).toHaveTextContent('3');
});

it('shows 99+ beyond 99', async () => {
  stubs(100);
  renderAt(base, routes);
  expect(await screen.findByRole('button', { name: 'Notifications, more than 99 unread' })).toBeVisible();
  expect(screen.getByTestId('unread-badge')).toHaveTextContent('99+');
});

it('draws no badge when everything is read', async () => {
  stubs(0);
  renderAt(base, routes);
  expect(await screen.findByRole('button', { name: 'Notifications' })).toBeVisible();
  expect(screen.queryByTestId('unread-badge')).toBeNull();
});

it('opens the latest notifications, each leading to its object, with the way to all of them', async () => {
  const fetch = stubs();
  const user = userEvent.setup();
  renderAt(base, routes);
  const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
  expect(bell).toHaveAttribute('aria-expanded', 'false');

  await user.click(bell);
  expect(bell).toHaveAttribute('aria-expanded', 'true');
  const panel = screen.getByRole('region', { name: 'Latest notifications' });
  const quote = await within(panel).findByRole('link', {
    name: 'Unread: New quote Q-2026-0003: Brand refresh',
  });
  expect(quote).toHaveAttribute('href', `${base}/quotes/q_1`);
  expect(within(panel).getByRole('link', { name: /Anna wrote/ })).toHaveAttribute(
    'href',
    `${base}/projects/pr_1/messages/th_1`,
  );
  expect(within(panel).getByRole('link', { name: 'See all notifications' })).toHaveAttribute(
    'href',
    `${base}/notifications`,
  );
  expect(requestsOf(fetch)).toContain('GET /api/v1/portal/notifications?limit=5');

  // Opening one marks it read, closes the dropdown and updates the count.
  await user.click(quote);
  expect(screen.getByTestId('address')).toHaveTextContent(`${base}/quotes/q_1`);
  expect(screen.queryByRole('region', { name: 'Latest notifications' })).toBeNull();
  await waitFor(() => expect(requestsOf(fetch)).toContain('POST /api/v1/portal/notifications/n_1/read'));
  expect(await screen.findByRole('button', { name: 'Notifications' })).toBeVisible();
  expect(screen.queryByTestId('unread-badge')).toBeNull();
});

it('closes on Escape, back on the bell, and on a click elsewhere', async () => {
  stubs();
  const user = userEvent.setup();
  renderAt(base, routes);
  const bell = await screen.findByRole('button', { name: /Notifications/ });

  // From the keyboard: open, Tab into the list, Escape back to the bell.
  bell.focus();
  await user.keyboard('{Enter}');
  const panel = screen.getByRole('region', { name: 'Latest notifications' });
  await within(panel).findByRole('link', { name: /New quote/ });
  await user.tab();
  expect(within(panel).getByRole('link', { name: /New quote/ })).toHaveFocus();
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('region', { name: 'Latest notifications' })).toBeNull();
  expect(bell).toHaveFocus();

  await user.click(bell);
  expect(screen.getByRole('region', { name: 'Latest notifications' })).toBeVisible();
  await user.click(screen.getByText('Page'));
  expect(screen.queryByRole('region', { name: 'Latest notifications' })).toBeNull();
});
