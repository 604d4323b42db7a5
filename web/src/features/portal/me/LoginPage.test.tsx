import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { getSession, portalRealm, setSession } from '@/api/session';
import { PortalContext, portalInfo } from '@/lib/portal';
import { base, branding } from '@/test/portal';
import { renderAt, stubApi, type ApiStubs } from '@/test/testing';
import { PortalLinkPage, PortalLoginPage } from './LoginPage';

afterEach(() => {
  vi.unstubAllGlobals();
  setSession(portalRealm('demo'), null);
});

const tokens = {
  access_token: 'a',
  expires_in: 900,
  session_id: 's',
  token_type: 'Bearer',
  persistent: true,
};

/**
 * The portal's login page, with text messages set up or not and "keep me signed in" allowed
 * or not; returns the bodies of code requests and of code checks.
 */
function openLogin(smsLogin: boolean, rememberDevice = false, extra: ApiStubs = {}) {
  const bodies: Record<string, unknown>[] = [];
  const verified: Record<string, unknown>[] = [];
  stubApi({
    'POST /api/v1/portal/demo/auth/otp/verify': async (request) => {
      verified.push((await request.json()) as Record<string, unknown>);
      return { body: { status: 'authenticated', ...tokens } };
    },
    ...extra,
    'POST /api/v1/portal/demo/auth/otp': async (request) => {
      const body = (await request.json()) as Record<string, unknown>;
      bodies.push(body);
      const channel = body.channel === 'sms' ? 'sms' : 'email';
      return {
        status: 202,
        body: {
          message: 'If this email belongs to an account, a code is on its way.',
          channel,
          expires_in: 600,
          resend_in: 45,
        },
      };
    },
  });
  const info = portalInfo({ ...branding, sms_login: smsLogin, remember_device: rememberDevice }, base);
  renderAt(`${base}/login`, [
    {
      path: `${base}/login`,
      element: (
        <PortalContext.Provider value={info}>
          <PortalLoginPage />
        </PortalContext.Provider>
      ),
    },
    { path: base, element: <p>Dashboard</p> },
  ]);
  return { bodies, verified, user: userEvent.setup() };
}

// First in the file: a tab asks the cookie once, when it has no session yet.
it('goes straight to the portal when the browser is already logged in (another tab)', async () => {
  let asked: Request | null = null;
  openLogin(false, false, {
    'POST /api/v1/portal/demo/auth/refresh': (request) => {
      asked = request;
      return { body: tokens };
    },
  });
  expect(await screen.findByText('Dashboard')).toBeVisible();
  expect(screen.getByTestId('address')).toHaveTextContent(base);
  expect(asked!.headers.get('X-Portico-CSRF')).toBe('1');
  expect(getSession(portalRealm('demo'))?.accessToken).toBe('a');
});

it('offers to keep the login on this device where the business allows it, and asks for it', async () => {
  const { verified, user } = openLogin(false, true);
  await user.type(await screen.findByLabelText('Email address'), 'maria@example.com');
  await user.click(screen.getByRole('checkbox', { name: 'Keep me signed in on this device' }));
  await user.click(screen.getByRole('button', { name: 'Email me a login code' }));
  await user.click(await screen.findByRole('textbox', { name: 'Digit 1 of 6' }));
  await user.paste('123456');

  expect(await screen.findByText('Dashboard')).toBeVisible();
  expect(verified).toEqual([
    expect.objectContaining({ email: 'maria@example.com', code: '123456', cookie: true, remember: true }),
  ]);
});

it('does not offer it where the business does not allow it', async () => {
  const { verified, user } = openLogin(false, false);
  await user.type(await screen.findByLabelText('Email address'), 'maria@example.com');
  expect(screen.queryByRole('checkbox')).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Email me a login code' }));
  await user.click(await screen.findByRole('textbox', { name: 'Digit 1 of 6' }));
  await user.paste('123456');

  expect(await screen.findByText('Dashboard')).toBeVisible();
  expect(verified).toEqual([expect.objectContaining({ cookie: true, remember: false })]);
});

it('offers it on the link page too', async () => {
  let redeemed: unknown;
  stubApi({
    'POST /api/v1/portal/demo/auth/magic-link': async (request) => {
      redeemed = await request.json();
      return { body: { status: 'authenticated', ...tokens } };
    },
  });
  window.location.hash = '#token=tok&email=maria%40example.com';
  renderAt(`${base}/login/link`, [
    {
      path: `${base}/login/link`,
      element: (
        <PortalContext.Provider value={portalInfo(branding, base)}>
          <PortalLinkPage />
        </PortalContext.Provider>
      ),
    },
    { path: base, element: <p>Dashboard</p> },
  ]);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('checkbox', { name: 'Keep me signed in on this device' }));
  await user.click(screen.getByRole('button', { name: 'Continue as maria@example.com' }));
  expect(await screen.findByText('Dashboard')).toBeVisible();
  expect(redeemed).toEqual({ token: 'tok', cookie: true, remember: true });
});

it('offers "Text me the code" when text messages are set up, asks for a text and says to check the phone', async () => {
  const { bodies, user } = openLogin(true);
  await user.type(await screen.findByLabelText('Email address'), 'maria@example.com');
  expect(screen.getByRole('button', { name: 'Email me a login code' })).toBeVisible();
  await user.click(screen.getByRole('button', { name: 'Text me the code' }));

  expect(await screen.findByRole('heading', { name: 'Check your phone' })).toBeVisible();
  expect(bodies).toEqual([expect.objectContaining({ email: 'maria@example.com', channel: 'sms' })]);
  expect(screen.getByText(/texted to the mobile number on file for/)).toHaveTextContent(
    'maria@example.com, or emailed to that address if there is no mobile number on file.',
  );
  expect(screen.getAllByRole('textbox', { name: /Digit \d of 6/ })).toHaveLength(6);
});

it('still emails the code when asked by email', async () => {
  const { bodies, user } = openLogin(true);
  await user.type(await screen.findByLabelText('Email address'), 'maria@example.com');
  await user.click(screen.getByRole('button', { name: 'Email me a login code' }));

  expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeVisible();
  expect(bodies).toHaveLength(1);
  expect(bodies[0]).not.toHaveProperty('channel');
});

it('offers no text when text messages are not set up', async () => {
  openLogin(false);
  expect(await screen.findByRole('button', { name: 'Email me a login code' })).toBeVisible();
  expect(screen.queryByRole('button', { name: 'Text me the code' })).toBeNull();
});
