import { configure, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { renderAt, stubApi } from '@/test/testing';
import { PortalContext, portalInfo } from '@/lib/portal';
import { ProfilePage } from './ProfilePage';

configure({ asyncUtilTimeout: 4000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const branding = {
  slug: 'demo',
  name: 'Lumen Design Studio',
  primary_color: '#4f46e5',
  primary_text_color: '#ffffff',
  accent_color: '#f59e0b',
  login_title: 'Lumen',
  timezone: 'Europe/Berlin',
  locale: 'en-GB',
  language: 'en' as const,
};

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
};

const routes = [
  {
    path: '/portal/demo/profile',
    element: (
      <PortalContext.Provider value={portalInfo(branding, '/portal/demo')}>
        <ProfilePage />
      </PortalContext.Provider>
    ),
  },
];

it('turns notice emails off and says what still comes', async () => {
  let sent: unknown;
  stubApi({
    'GET /api/v1/portal/me': { body: me },
    'PATCH /api/v1/portal/me': async (request) => {
      sent = await request.json();
      return { body: { ...me, email_opt_out: true } };
    },
  });
  renderAt('/portal/demo/profile', routes);
  const box = await screen.findByRole('checkbox', { name: /Email me when something changes/ });
  expect(box).toBeChecked();
  expect(screen.getByText(/Login codes, invitations, invoices, payment receipts/)).toBeVisible();
  await userEvent.click(box);
  expect(await screen.findByText('Notice emails turned off')).toBeVisible();
  expect(sent).toEqual({ email_opt_out: true });
  expect(screen.getByRole('checkbox', { name: /Email me when something changes/ })).not.toBeChecked();
});

it('cannot be changed by staff viewing as the client', async () => {
  stubApi({ 'GET /api/v1/portal/me': { body: { ...me, impersonated: true } } });
  renderAt('/portal/demo/profile', routes);
  expect(await screen.findByRole('checkbox', { name: /Email me when something changes/ })).toBeDisabled();
});

it('keeps a billing address and VAT ID for new documents, and says sent ones keep theirs', async () => {
  let sent: unknown;
  stubApi({
    'GET /api/v1/portal/me': { body: me },
    'PATCH /api/v1/portal/me': async (request) => {
      sent = await request.json();
      return { body: { ...me, billing_address: 'Calle Mayor 1\n28013 Madrid', tax_id: 'ESB12345678' } };
    },
  });
  renderAt('/portal/demo/profile', routes);
  const address = await screen.findByLabelText(/Billing address/);
  expect(screen.getByText(/those already sent keep the address they were sent with/)).toBeVisible();
  await userEvent.type(address, 'Calle Mayor 1{enter}28013 Madrid');
  await userEvent.type(screen.getByLabelText(/VAT \/ tax ID/), ' ESB12345678 ');
  await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
  expect(await screen.findByText('Profile saved')).toBeVisible();
  expect(sent).toEqual({
    name: 'Maria Lopez',
    phone: null,
    company: null,
    billing_address: 'Calle Mayor 1\n28013 Madrid',
    tax_id: 'ESB12345678',
  });
});
