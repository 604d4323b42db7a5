import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { problem, renderAt, stubApi } from '@/test/testing';
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
  sms_login: false,
  remember_device: false,
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
  tenant_language: 'en' as const,
  tenant_time_zone: 'Europe/Berlin',
  time_zone: 'Europe/Madrid',
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
    time_zone: 'Europe/Madrid',
  });
});

it('saves the time zone the client reads times in, or none for the business’s', async () => {
  const sent: unknown[] = [];
  stubApi({
    'GET /api/v1/portal/me': { body: me },
    'GET /api/v1/portal/me/calendar-feed': { body: { active: false } },
    'PATCH /api/v1/portal/me': async (request) => {
      const body = (await request.json()) as { time_zone: string | null };
      sent.push(body);
      return { body: { ...me, time_zone: body.time_zone } };
    },
  });
  renderAt('/portal/demo/profile', routes);
  const zone = await screen.findByLabelText('Time zone');
  expect(zone).toHaveValue('Europe/Madrid');
  await userEvent.type(screen.getByLabelText('Find a zone'), 'new york');
  expect(
    within(zone)
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(['Use the business’s zone (Europe/Berlin)', 'America/New York', 'Europe/Madrid']);
  await userEvent.selectOptions(zone, 'America/New_York');
  await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
  expect(await screen.findByText('Profile saved')).toBeVisible();
  expect(sent[0]).toMatchObject({ time_zone: 'America/New_York' });

  await userEvent.selectOptions(screen.getByLabelText('Time zone'), '');
  await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
  await vi.waitFor(() => expect(sent[1]).toMatchObject({ time_zone: null }));
});

it('makes a private calendar link, shows it once, and can stop it', async () => {
  const writeText = vi.fn(async () => undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  const url = 'https://portal.example.com/api/v1/calendar/3q2f9.ics';
  const fetch = stubApi({
    'GET /api/v1/portal/me': { body: me },
    'GET /api/v1/portal/me/calendar-feed': { body: { active: false } },
    'POST /api/v1/portal/me/calendar-feed': {
      status: 201,
      body: { active: true, url, created_at: '2026-11-02T09:00:00Z', last_used_at: null },
    },
    'DELETE /api/v1/portal/me/calendar-feed': { status: 204 },
  });
  renderAt('/portal/demo/profile', routes);
  await userEvent.click(await screen.findByRole('button', { name: 'Make my calendar link' }));
  expect(await screen.findByTestId('calendar-feed-url')).toHaveTextContent(url);
  expect(screen.getByRole('link', { name: 'Open in my calendar app' })).toHaveAttribute(
    'href',
    'webcal://portal.example.com/api/v1/calendar/3q2f9.ics',
  );
  await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
  expect(writeText).toHaveBeenCalledWith(url);
  expect(screen.getByText(/Active since 2 Nov 2026, 10:00, not used yet/)).toBeVisible();

  await userEvent.click(screen.getByRole('button', { name: 'Done' }));
  expect(screen.queryByTestId('calendar-feed-url')).toBeNull();
  await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
  await userEvent.click(screen.getByRole('button', { name: 'Stop the link' }));
  expect(await screen.findByText('Calendar link stopped')).toBeVisible();
  expect(screen.getByRole('button', { name: 'Make my calendar link' })).toBeVisible();
  expect(fetch.mock.calls.map(([r]) => (r as Request).method)).toContain('DELETE');
});

describe('changing the login email', () => {
  const NEW = 'maria.lopez@newmail.example';
  const profile = {
    'GET /api/v1/portal/me': { body: me },
    'GET /api/v1/portal/me/calendar-feed': { body: { active: false } },
  };

  async function askForCode() {
    await userEvent.click(await screen.findByRole('button', { name: 'Change email' }));
    await userEvent.type(screen.getByLabelText('New email address'), NEW);
    await userEvent.click(screen.getByRole('button', { name: 'Send code' }));
  }

  it('sends a code to the new address, confirms it and shows the new email', async () => {
    const bodies: Record<string, unknown> = {};
    stubApi({
      ...profile,
      'POST /api/v1/portal/me/email': async (request) => {
        bodies.start = await request.json();
        return { status: 202, body: { email: NEW, expires_at: '2026-11-02T09:15:00Z' } };
      },
      'POST /api/v1/portal/me/email/confirm': async (request) => {
        bodies.confirm = await request.json();
        return { body: { ...me, email: NEW } };
      },
    });
    renderAt('/portal/demo/profile', routes);
    expect(await screen.findByLabelText('Email')).toHaveValue('maria@example.com');
    await askForCode();

    const code = await screen.findByLabelText(`Enter the code we sent to ${NEW}`);
    expect(code).toHaveAccessibleDescription('6 digits. The code works until 2 Nov 2026, 10:15.');
    await userEvent.type(code, '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm new email' }));

    expect(
      await screen.findByText(`Your login email is now ${NEW}. Your other devices have been logged out.`),
    ).toBeVisible();
    expect(screen.getByLabelText('Email')).toHaveValue(NEW);
    expect(bodies).toEqual({ start: { email: NEW }, confirm: { email: NEW, code: '123456' } });
  });

  it('shows why the server refused the new address beside it', async () => {
    stubApi({
      ...profile,
      'POST /api/v1/portal/me/email': problem(422, 'The request is invalid.', [
        { field: 'email', message: 'This is already your login email.' },
      ]),
    });
    renderAt('/portal/demo/profile', routes);
    await askForCode();
    expect(await screen.findByLabelText('New email address')).toHaveAccessibleDescription(
      'This is already your login email.',
    );
    expect(screen.queryByLabelText(/Enter the code/)).toBeNull();
  });

  it('says a wrong code is wrong, in the server’s words, and keeps the old email', async () => {
    stubApi({
      ...profile,
      'POST /api/v1/portal/me/email': {
        status: 202,
        body: { email: NEW, expires_at: '2026-11-02T09:15:00Z' },
      },
      'POST /api/v1/portal/me/email/confirm': problem(403, 'This code is wrong or has expired.'),
    });
    renderAt('/portal/demo/profile', routes);
    await askForCode();
    await userEvent.type(await screen.findByLabelText(`Enter the code we sent to ${NEW}`), '000000');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm new email' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This code is wrong or has expired.');

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByLabelText('Email')).toHaveValue('maria@example.com');
  });

  it('says how long to wait after too many codes', async () => {
    stubApi({
      ...profile,
      'POST /api/v1/portal/me/email': {
        status: 429,
        raw: JSON.stringify({
          type: 'x',
          title: 'Too many',
          status: 429,
          detail: 'Too many codes asked for.',
        }),
        headers: { 'content-type': 'application/problem+json', 'Retry-After': '90' },
      },
    });
    renderAt('/portal/demo/profile', routes);
    await askForCode();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many codes asked for. You can try again in 1:30.',
    );
  });

  it('is not offered to staff viewing as the client', async () => {
    stubApi({ 'GET /api/v1/portal/me': { body: { ...me, impersonated: true } } });
    renderAt('/portal/demo/profile', routes);
    expect(await screen.findByLabelText('Email')).toHaveValue('maria@example.com');
    expect(screen.queryByRole('button', { name: 'Change email' })).toBeNull();
  });
});
