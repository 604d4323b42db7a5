import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach } from 'vitest';
import { setActiveRealm } from '@/api/client';
import { setSession } from '@/api/session';
import { me, problem, renderAt, stubApi, type ApiStubs } from '@/test/testing';
import { ConsoleShell } from './ConsoleShell';

const businesses = [
  { id: 'st_1', name: 'Anna Weber', company: 'Studio Anna', tenant_slug: 'studio-anna' },
  { id: 'st_9', name: 'Anna Weber', company: 'Kiez Bikes', tenant_slug: 'kiez-bikes' },
  { id: 'st_7', name: 'Anna Weber', company: 'Café Kiez', tenant_slug: 'cafe-kiez' },
];

beforeEach(() => {
  setActiveRealm('console');
  setSession('console', { accessToken: 'token-st_1', sessionId: 's1', expiresAt: Date.now() + 3_600_000 });
});

afterEach(() => {
  vi.unstubAllGlobals();
  setSession('console', null);
  setActiveRealm(null);
});

/** The console as Anna at Studio Anna; `count` businesses share her email. The server follows switches. */
function open(count: number, extra: ApiStubs = {}) {
  let current = 'st_1';
  const switched: unknown[] = [];
  const fetch = stubApi({
    'GET /api/v1/me': (request) => {
      // Answers as whoever the bearer token belongs to.
      const id = (request.headers.get('Authorization') ?? '').replace('Bearer token-', '');
      const b = businesses.find((x) => x.id === id) ?? businesses[0]!;
      return {
        body: { ...me, id: b.id, tenant_name: b.company, tenant_slug: b.tenant_slug, name_chosen: true },
      };
    },
    'GET /api/v1/auth/accounts': () => ({
      body: { items: businesses.slice(0, count).map((b) => ({ ...b, current: b.id === current })) },
    }),
    'POST /api/v1/auth/switch': async (request) => {
      const body = (await request.json()) as { account_id: string };
      switched.push(body);
      current = body.account_id;
      return {
        body: {
          access_token: `token-${body.account_id}`,
          expires_in: 900,
          session_id: 's2',
          token_type: 'Bearer',
          persistent: false,
        },
      };
    },
    ...extra,
  });
  renderAt('/app/clients', [{ path: '/app/*', element: <ConsoleShell /> }]);
  return { fetch, switched, user: userEvent.setup() };
}

it('lists the other businesses by name and opens the chosen one at its console home', async () => {
  const { switched, user } = open(3);
  expect(await screen.findByText('Studio Anna')).toBeInTheDocument();
  await user.click(await screen.findByRole('button', { name: 'Switch business' }));
  const menu = screen.getByRole('group', { name: 'Switch business' });
  expect(
    within(menu)
      .getAllByRole('button')
      .map((b) => b.textContent),
  ).toEqual(['Kiez Bikes', 'Café Kiez']);

  await user.click(within(menu).getByRole('button', { name: 'Kiez Bikes' }));

  expect(await screen.findByText('You are now working in Kiez Bikes.')).toBeVisible();
  expect(switched).toEqual([{ account_id: 'st_9', cookie: true }]);
  expect(screen.getByTestId('address')).toHaveTextContent(/^\/app$/);
  // Nothing of the other business stays on screen: the header asks again, for this one.
  await vi.waitFor(() => expect(screen.getByTestId('tenant-name')).toHaveTextContent('Kiez Bikes'), {
    timeout: 4000,
  });
  expect(screen.queryByRole('group', { name: 'Switch business' })).toBeNull();
});

it('is not shown to someone on one business only', async () => {
  const { fetch } = open(1);
  expect(await screen.findByText('Studio Anna')).toBeInTheDocument();
  await vi.waitFor(() =>
    expect(fetch.mock.calls.some(([r]) => (r as Request).url.endsWith('/api/v1/auth/accounts'))).toBe(true),
  );
  expect(screen.queryByRole('button', { name: 'Switch business' })).toBeNull();
});

it('says why a switch failed, and stays where it was', async () => {
  const { user } = open(2, {
    'POST /api/v1/auth/switch': problem(403, 'You are no longer on the team of Kiez Bikes.'),
  });
  await user.click(await screen.findByRole('button', { name: 'Switch business' }));
  await user.click(screen.getByRole('button', { name: 'Kiez Bikes' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('You are no longer on the team of Kiez Bikes.');
  expect(screen.getByTestId('address')).toHaveTextContent('/app/clients');
  expect(screen.getByTestId('tenant-name')).toHaveTextContent('Studio Anna');
});
