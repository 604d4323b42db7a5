import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { renderAt, requestsOf, stubApi } from '@/test/testing';
import { NotificationsPage } from './NotificationsPage';
import { aNotification, base, inPortal, me } from './fixtures';

configure({ asyncUtilTimeout: 4000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const routes = [
  { path: `${base}/notifications`, element: inPortal(<NotificationsPage />) },
  { path: `${base}/*`, element: <p>Elsewhere</p> },
];

const items = [
  aNotification({
    id: 'n_3',
    kind: 'message_posted',
    title: 'New message in “Fonts”',
    detail: 'Project: Brand refresh',
    target: { kind: 'thread', id: 't_1', project_id: 'p_1' },
  }),
  aNotification({ id: 'n_2', read: true }),
  aNotification({
    id: 'n_1',
    kind: 'order_status_changed',
    title: 'Order SO-0001 is ready for pickup',
    target: { kind: 'service_order', id: 'so_1', project_id: null },
  }),
];

it('lists what changed, each linking to its page, unread first marked', async () => {
  stubApi({
    'GET /api/v1/portal/me': { body: me },
    'GET /api/v1/portal/notifications': { body: { items, next_cursor: null, unread_count: 2 } },
  });
  renderAt(`${base}/notifications`, routes);
  const message = await screen.findByRole('link', { name: 'Unread: New message in “Fonts”' });
  expect(message).toHaveAttribute('href', `${base}/projects/p_1/messages/t_1`);
  expect(within(message.closest('article')!).getByText('Project: Brand refresh')).toBeVisible();
  expect(screen.getByRole('link', { name: 'New quote Q-2026-0003: Brand refresh' })).toHaveAttribute(
    'href',
    `${base}/quotes/q_1`,
  );
  expect(screen.getByRole('link', { name: 'Unread: Order SO-0001 is ready for pickup' })).toHaveAttribute(
    'href',
    `${base}/orders/so_1`,
  );
  expect(screen.getByText('2 unread')).toBeVisible();
});

it('marks one read on the way to it, and all at once', async () => {
  const fetch = stubApi({
    'GET /api/v1/portal/me': { body: me },
    'GET /api/v1/portal/notifications': { body: { items, next_cursor: null, unread_count: 2 } },
    'POST /api/v1/portal/notifications/n_3/read': { body: { unread_count: 1 } },
    'POST /api/v1/portal/notifications/read-all': { body: { unread_count: 0 } },
  });
  renderAt(`${base}/notifications`, routes);
  await userEvent.click(await screen.findByRole('button', { name: 'Mark all as read' }));
  expect(await screen.findByText('All notifications marked as read')).toBeVisible();
  await userEvent.click(screen.getByRole('link', { name: 'Unread: New message in “Fonts”' }));
  expect(await screen.findByText('Elsewhere')).toBeVisible();
  await vi.waitFor(() => expect(requestsOf(fetch)).toContain('POST /api/v1/portal/notifications/n_3/read'));
  expect(requestsOf(fetch)).toContain('POST /api/v1/portal/notifications/read-all');
  // Already read: nothing to mark.
  expect(requestsOf(fetch)).not.toContain('POST /api/v1/portal/notifications/n_2/read');
});

it('marks nothing for staff viewing as the client', async () => {
  const fetch = stubApi({
    'GET /api/v1/portal/me': { body: { ...me, impersonated: true } },
    'GET /api/v1/portal/notifications': { body: { items, next_cursor: null, unread_count: 2 } },
  });
  renderAt(`${base}/notifications`, routes);
  expect(await screen.findByText(/opening notifications does not mark them read/)).toBeVisible();
  expect(screen.queryByRole('button', { name: 'Mark all as read' })).toBeNull();
  await userEvent.click(screen.getByRole('link', { name: 'Unread: New message in “Fonts”' }));
  expect(await screen.findByText('Elsewhere')).toBeVisible();
  expect(requestsOf(fetch).filter((r) => r.startsWith('POST'))).toEqual([]);
});

it('says what will appear when there is nothing', async () => {
  stubApi({
    'GET /api/v1/portal/me': { body: me },
    'GET /api/v1/portal/notifications': { body: { items: [], next_cursor: null, unread_count: 0 } },
  });
  renderAt(`${base}/notifications`, routes);
  expect(await screen.findByText('Nothing new yet')).toBeVisible();
  expect(screen.getByText(/sends you a quote, a contract or an invoice/)).toBeVisible();
});
