import { configure, screen } from '@testing-library/react';
import { afterEach } from 'vitest';
import { renderAt, stubApi } from '@/test/testing';
import { NotificationBell } from './NotificationBell';
import { base, inPortal } from './fixtures';

configure({ asyncUtilTimeout: 4000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const routes = [{ path: `${base}`, element: inPortal(<NotificationBell />) }];

it('names the unread count and links to the notifications', async () => {
  stubApi({ 'GET /api/v1/portal/notifications/unread-count': { body: { unread_count: 3 } } });
  renderAt(base, routes);
  const bell = await screen.findByRole('link', { name: 'Notifications, 3 unread' });
  expect(bell).toHaveAttribute('href', `${base}/notifications`);
  expect(screen.getByTestId('unread-badge')).toHaveTextContent('3');
});

it('shows 99+ beyond 99', async () => {
  stubApi({ 'GET /api/v1/portal/notifications/unread-count': { body: { unread_count: 100 } } });
  renderAt(base, routes);
  expect(await screen.findByRole('link', { name: 'Notifications, more than 99 unread' })).toBeVisible();
  expect(screen.getByTestId('unread-badge')).toHaveTextContent('99+');
});

it('draws no badge when everything is read', async () => {
  const fetch = stubApi({ 'GET /api/v1/portal/notifications/unread-count': { body: { unread_count: 0 } } });
  renderAt(base, routes);
  await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
  expect(await screen.findByRole('link', { name: 'Notifications' })).toBeVisible();
  expect(screen.queryByTestId('unread-badge')).toBeNull();
});
