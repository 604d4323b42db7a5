import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { PortalContext, portalInfo } from '@/lib/portal';
import { base, branding } from '@/test/portal';
import { renderAt, stubApi } from '@/test/testing';
import { PortalLoginPage } from './LoginPage';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The portal's login page, with text messages set up or not; returns the bodies of code requests. */
function openLogin(smsLogin: boolean) {
  const bodies: Record<string, unknown>[] = [];
  stubApi({
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
  renderAt(`${base}/login`, [
    {
      path: `${base}/login`,
      element: (
        <PortalContext.Provider value={portalInfo({ ...branding, sms_login: smsLogin }, base)}>
          <PortalLoginPage />
        </PortalContext.Provider>
      ),
    },
  ]);
  return { bodies, user: userEvent.setup() };
}

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
