import { expect, test } from '@playwright/test';
import { logInWithCode, nextMail, screenshots, staffToken } from './support/helpers';

test('a new team member chooses their name at the first login, then changes their email with a code', async ({
  page,
  request,
}) => {
  const stamp = Date.now();
  const email = `sam.${stamp}@lumen.example`;
  const newEmail = `sam.okafor.${stamp}@lumen.example`;
  const owner = await staffToken(request);
  // The owner typed only a first name; what clients read is Sam's to choose.
  const invited = await request.post('/api/v1/staff', {
    headers: { authorization: `Bearer ${owner}` },
    data: { email, name: 'Sam', role: 'member' },
  });
  expect(invited.status()).toBe(201);

  await page.goto('/app');
  await logInWithCode(page, email);
  await expect(page.getByRole('heading', { name: 'Welcome to Lumen Design Studio' })).toBeVisible();
  await expect(page.getByText('What should clients call you?')).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue('Sam');
  await screenshots(page, 'console-name-prompt');
  await page.getByLabel('Your name').fill('Sam Okafor');
  await page.getByRole('button', { name: 'Continue' }).click();
  // Then the console's home page greets them by the name they chose.
  await expect(
    page.getByRole('heading', { name: /^Good (morning|afternoon|evening), Sam$/, level: 1 }),
  ).toBeVisible();

  // The name is theirs everywhere, and the prompt does not come back.
  await page.reload();
  await expect(page.getByRole('link', { name: /Your profile: Sam Okafor, member/ })).toBeVisible();
  await page.getByRole('link', { name: /Your profile/ }).click();
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Sam Okafor');
  await screenshots(page, 'console-profile');

  // A new login email needs the code sent to it.
  const since = Date.now();
  await page.getByLabel('New email').fill(newEmail);
  await page.getByRole('button', { name: 'Send a code' }).click();
  await expect(page.getByText(`Until then you keep logging in with ${email}.`)).toBeVisible();
  const mail = await nextMail(page.request, newEmail, since);
  expect(mail.subject).toContain('Confirm your new email address');
  const code = /login email: (\d{6})/.exec(mail.body)?.[1];
  expect(code, 'the code in the email').toBeTruthy();
  await screenshots(page, 'console-profile-email-code');
  await page.getByRole('textbox', { name: 'Digit 1 of 6' }).click();
  await page.keyboard.type(code!);
  await expect(page.getByRole('status').filter({ hasText: `You now log in with ${newEmail}` })).toBeVisible();
  await expect(page.getByText(`You log in with ${newEmail}.`)).toBeVisible();
  // The old address is told.
  const notice = await nextMail(page.request, email, since, (data) =>
    /Subject: Your login email was changed/.test(data),
  );
  expect(notice.body).toContain(newEmail);
});
