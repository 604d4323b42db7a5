import { expect, test } from '@playwright/test';
import { DEMO, logInWithCode, staffToken } from './support/helpers';

// Passkeys with Chromium's virtual authenticator (a platform authenticator that keeps
// discoverable credentials and verifies its user): add one after a code login, log out, and
// sign in with it without typing an email.

test('a client adds a passkey, logs out, and signs in with it without an email', async ({
  page,
  context,
}) => {
  const token = await staffToken(page.request);
  const made = await page.request.post('/api/v1/clients', {
    headers: { Authorization: `Bearer ${token}` },
    data: { name: 'Petra Passkey', email: 'petra@passkeys.example' },
  });
  expect(made.status()).toBe(201);

  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  await page.goto(DEMO);
  await logInWithCode(page, 'petra@passkeys.example');
  await expect(page.getByRole('heading', { name: 'Hello, Petra' })).toBeVisible();
  await page.getByRole('link', { name: 'Profile' }).click();
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await page.getByLabel('Name for this passkey').fill('Test laptop');
  await page.getByRole('button', { name: 'Create passkey' }).click();
  await expect(page.getByText('Passkey added.', { exact: false })).toBeVisible();
  await expect(page.getByText('Test laptop')).toBeVisible();
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]!.isResidentCredential).toBe(true);

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/portal\/demo\/login$/);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Petra' })).toBeVisible();

  // The passkey's last use shows in the list, and removing it leaves no way in by it.
  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByText(/Test laptop/)).toBeVisible();
  await expect(page.getByText(/Last used/)).toBeVisible();
  await page.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Remove passkey' }).click();
  await expect(page.getByText('You have no passkeys yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByRole('alert')).toContainText('This passkey does not open an account here');
});
