import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach } from 'vitest';
import { setActiveRealm } from '@/api/client';
import { portalRealm, setSession } from '@/api/session';
import { base, inPortal } from '@/test/portal';
import { problem, renderAt, stubApi, type ApiStubs } from '@/test/testing';
import { PortalShell } from './PortalShell';

configure({ asyncUtilTimeout: 4000 });

const realm = portalRealm('demo');

const accounts = {
  c1: { id: 'c1', name: 'Lukas Becker', company: 'Café Kiez', tenant_slug: 'demo' },
  c2: { id: 'c2', name: 'Lukas Becker', company: 'Kiez Bikes', tenant_slug: 'demo' },
  c3: { id: 'c3', name: 'Lukas B.', company: null, tenant_slug: 'demo' },
};

function meOf(id: keyof typeof accounts, extra: Record<string, unknown> = {}) {
  const a = accounts[id];
  return {
    id: a.id,
    name: a.company ? `${a.name} (${a.company})` : a.name,
    email: 'lukas@example.com',
    email_opt_out: false,
    impersonated: false,
    tenant_name: 'Lumen Design Studio',
    tenant_slug: 'demo',
    tenant_language: 'en',
    tenant_time_zone: 'Europe/Berlin',
    ...extra,
  };
}

beforeEach(() => {
  setActiveRealm(realm);
  setSession(realm, { accessToken: 'token-c1', sessionId: 's1', expiresAt: Date.now() + 3_600_000 });
});

afterEach(() => {
  vi.unstubAllGlobals();
  setSession(realm, null);
  setActiveRealm(null);
});

/** The portal as client c1, whose email also opens `others`; the server's session follows switches. */
function open(others: (keyof typeof accounts)[], extra: ApiStubs = {}) {
  let current: keyof typeof accounts = 'c1';
  const switched: unknown[] = [];
  const fetch = stubApi({
    'GET /api/v1/portal/me': (request) => {
      // Answers as whoever the bearer token belongs to.
      const auth = request.headers.get('Authorization') ?? '';
      return { body: meOf(auth.endsWith('c2') ? 'c2' : 'c1') };
    },
    'GET /api/v1/auth/accounts': () => ({
      body: {
        items: (['c1', ...others] as const).map((id) => ({ ...accounts[id], current: id === current })),
      },
    }),
    'POST /api/v1/auth/switch': async (request) => {
      const body = (await request.json()) as { account_id: 'c2' };
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
  renderAt(`${base}/projects`, [{ path: `${base}/*`, element: inPortal(<PortalShell />) }]);
  return { fetch, switched, user: userEvent.setup() };
}

it('lists the other accounts of the login email and continues as the chosen one, on its dashboard', async () => {
  const { switched, user } = open(['c2', 'c3']);
  expect(await screen.findByText('Lukas Becker (Café Kiez)')).toBeInTheDocument();
  await user.click(await screen.findByRole('button', { name: 'Switch account' }));
  const menu = screen.getByRole('group', { name: 'Switch account' });
  expect(
    within(menu)
      .getAllByRole('button')
      .map((b) => b.textContent),
  ).toEqual(['Lukas Becker — Kiez Bikes', 'Lukas B.']);

  await user.click(within(menu).getByRole('button', { name: 'Lukas Becker — Kiez Bikes' }));

  expect(await screen.findByText('You are now logged in as Lukas Becker — Kiez Bikes.')).toBeVisible();
  expect(switched).toEqual([{ account_id: 'c2', cookie: true }]);
  expect(screen.getByTestId('address')).toHaveTextContent(base);
  // The header asks again, as the new account.
  expect(await screen.findByText('Lukas Becker (Kiez Bikes)')).toBeInTheDocument();
  expect(screen.queryByRole('group', { name: 'Switch account' })).toBeNull();
});

it('is not shown when the email opens only this account', async () => {
  const { fetch } = open([]);
  expect(await screen.findByText('Lukas Becker (Café Kiez)')).toBeInTheDocument();
  await vi.waitFor(() =>
    expect(fetch.mock.calls.some(([r]) => (r as Request).url.endsWith('/api/v1/auth/accounts'))).toBe(true),
  );
  expect(screen.queryByRole('button', { name: 'Switch account' })).toBeNull();
});

it('is not shown to staff viewing the portal as the client, nor asked for', async () => {
  setSession(realm, {
    accessToken: 'token-c1',
    refreshToken: 'r',
    sessionId: 's1',
    expiresAt: Date.now() + 3_600_000,
    impersonated: true,
  });
  const { fetch } = open(['c2'], {
    'GET /api/v1/portal/me': { body: meOf('c1', { impersonated: true }) },
  });
  expect(await screen.findByText(/You are viewing the portal as/)).toBeVisible();
  expect(screen.queryByRole('button', { name: 'Switch account' })).toBeNull();
  expect(fetch.mock.calls.some(([r]) => (r as Request).url.endsWith('/api/v1/auth/accounts'))).toBe(false);
});

it('says why a switch failed, and stays where it was', async () => {
  const { user } = open(['c2'], {
    'POST /api/v1/auth/switch': problem(403, 'This account no longer has portal access.'),
  });
  await user.click(await screen.findByRole('button', { name: 'Switch account' }));
  await user.click(screen.getByRole('button', { name: 'Lukas Becker — Kiez Bikes' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('This account no longer has portal access.');
  expect(screen.getByTestId('address')).toHaveTextContent(`${base}/projects`);
  expect(screen.getByTestId('client-name')).toHaveTextContent('Lukas Becker (Café Kiez)');
});
