import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { getSession, setSession } from '@/api/session';
import { renderAt, stubApi, type ApiStubs } from '@/test/testing';
import { ConsoleLoginPage } from './LoginPage';

afterEach(() => {
  vi.unstubAllGlobals();
  setSession('console', null);
});

const tokens = {
  access_token: 'a',
  expires_in: 900,
  session_id: 's',
  token_type: 'Bearer',
  persistent: false,
};

function openLogin(extra: ApiStubs = {}) {
  const verified: unknown[] = [];
  stubApi({
    'POST /api/v1/auth/otp': {
      status: 202,
      body: { message: 'A code is on its way.', channel: 'email', expires_in: 600, resend_in: 45 },
    },
    'POST /api/v1/auth/otp/verify': async (request) => {
      verified.push(await request.json());
      return { body: { status: 'authenticated', ...tokens } };
    },
    ...extra,
  });
  renderAt('/app/login', [
    { path: '/app/login', element: <ConsoleLoginPage /> },
    { path: '/app', element: <p>Console home</p> },
  ]);
  return { verified, user: userEvent.setup() };
}

// First in the file: a tab asks the cookie once, when it has no session yet.
it('goes straight to the console when the browser is already logged in (another tab)', async () => {
  openLogin({ 'POST /api/v1/auth/refresh': { body: tokens } });
  expect(await screen.findByText('Console home')).toBeVisible();
  expect(getSession('console')?.accessToken).toBe('a');
});

it('always offers to keep the login on this device, and asks for it when ticked', async () => {
  const { verified, user } = openLogin();
  await user.type(await screen.findByLabelText('Email address'), 'anna@studio-anna.com');
  const box = screen.getByRole('checkbox', { name: 'Keep me signed in on this device' });
  expect(box).not.toBeChecked();
  await user.click(box);
  await user.click(screen.getByRole('button', { name: 'Email me a login code' }));
  await user.click(await screen.findByRole('textbox', { name: 'Digit 1 of 6' }));
  await user.paste('123456');

  expect(await screen.findByText('Console home')).toBeVisible();
  expect(verified).toEqual([
    expect.objectContaining({ email: 'anna@studio-anna.com', code: '123456', cookie: true, remember: true }),
  ]);
});
