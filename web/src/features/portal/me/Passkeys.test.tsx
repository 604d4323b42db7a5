import { configure, screen } from '@testing-library/react';
import { afterEach } from 'vitest';
import { PortalContext, portalInfo } from '@/lib/portal';
import { base, branding } from '@/test/portal';
import { renderAt, requestsOf, stubApi } from '@/test/testing';
import { ProfilePage } from './ProfilePage';

configure({ asyncUtilTimeout: 4000 });

vi.mock('@/lib/webauthn', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/webauthn')>()),
  passkeysSupported: () => true,
}));

afterEach(() => {
  vi.unstubAllGlobals();
});

const me = {
  id: 'cl_1',
  name: 'Maria Lopez',
  email: 'maria@example.com',
  phone: null,
  company: null,
  billing_address: null,
  tax_id: null,
  email_opt_out: false,
  impersonated: false,
  tenant_name: 'Lumen Design Studio',
  tenant_slug: 'demo',
  tenant_language: 'en' as const,
  tenant_time_zone: 'Europe/Berlin',
  time_zone: 'Europe/Berlin',
};

function openProfile(impersonated: boolean) {
  const fetch = stubApi({
    'GET /api/v1/portal/me': { body: { ...me, impersonated } },
    'GET /api/v1/portal/me/calendar-feed': { body: { active: false } },
    'GET /api/v1/auth/passkeys': {
      body: {
        items: [
          { id: 'pk_1', name: 'Safari on iPhone', created_at: '2026-03-02T09:30:00Z', last_used_at: null },
        ],
      },
    },
  });
  renderAt(`${base}/profile`, [
    {
      path: `${base}/profile`,
      element: (
        <PortalContext.Provider value={portalInfo(branding, base)}>
          <ProfilePage />
        </PortalContext.Provider>
      ),
    },
  ]);
  return fetch;
}

it('shows the client’s passkeys on the profile, dated on the client’s clock', async () => {
  openProfile(false);
  expect(await screen.findByRole('heading', { name: 'Passkeys' })).toBeVisible();
  expect(await screen.findByText('Safari on iPhone')).toBeVisible();
  expect(screen.getByText(/Added 2 Mar 2026, 10:30 · Never used/)).toBeVisible();
  expect(screen.getByRole('button', { name: 'Add a passkey' })).toBeVisible();
});

it('hides passkeys from staff viewing the portal as the client', async () => {
  const fetch = openProfile(true);
  expect(await screen.findByRole('heading', { name: 'Your profile' })).toBeVisible();
  expect(screen.queryByRole('heading', { name: 'Passkeys' })).toBeNull();
  expect(requestsOf(fetch)).not.toContain('GET /api/v1/auth/passkeys');
});
