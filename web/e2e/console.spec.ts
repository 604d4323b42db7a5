import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { linkOf, logInWithCode, nextMail, OWNER, screenshots } from './support/helpers';

async function expectNoSeriousA11yIssues(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
    [],
  );
}

test('staff log in, create a client, invite them, and view the portal as them (read-only)', async ({
  page,
}) => {
  const email = `nora.${Date.now()}@example.com`;

  await page.goto('/app');
  await expect(page).toHaveURL(/\/app\/login\?next=%2Fapp$/);
  await screenshots(page, 'console-login');
  await logInWithCode(page, OWNER);
  // The console opens on its home page: what needs attention today.
  await expect(page).toHaveURL(/\/app$/);
  await expect(page.getByTestId('tenant-name')).toHaveText('Lumen Design Studio');
  await expect(
    page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening)/ }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Waiting on clients/ })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await screenshots(page, 'console-home');

  const menu = page.getByRole('navigation', { name: 'Console' });
  await menu.getByRole('link', { name: 'Clients', exact: true }).click();
  await expect(page).toHaveURL(/\/app\/clients$/);
  await expect(page.getByRole('link', { name: 'Maria Lopez' }).first()).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await screenshots(page, 'console-clients');

  // Search narrows the list.
  await page.getByLabel('Search').fill('tanaka');
  await expect(page.getByRole('link', { name: 'Aiko Tanaka' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Maria Lopez' })).toHaveCount(0);

  await page.getByRole('link', { name: 'New client' }).click();
  await page.getByLabel('Name').fill('Nora Lindqvist');
  await page.getByLabel('Email', { exact: true }).fill('not-an-email');
  await page.getByRole('button', { name: 'Create client' }).click();
  await expect(page.getByText(/valid email/i).first()).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Company').fill('Lindqvist Ceramics');
  await page.getByRole('button', { name: 'Create client' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Client created' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nora Lindqvist' })).toBeVisible();
  await screenshots(page, 'console-client');

  const since = Date.now();
  await page.getByRole('button', { name: 'Invite to portal' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  const invitation = await nextMail(page.request, email, since);
  const link = linkOf(invitation);
  expect(link).toContain('/portal/demo/login/link#token=');

  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'View as client' }).click();
  const portal = await popupOpened;
  await expect(portal.getByRole('heading', { name: 'Hello, Nora' })).toBeVisible();
  await expect(portal.getByText('You are viewing the portal as Nora Lindqvist')).toBeVisible();
  await portal.getByRole('link', { name: 'Profile' }).click();
  await expect(portal.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  // The server refuses writes from this session, whatever the page would allow.
  const status = await portal.evaluate(async () => {
    const raw = sessionStorage.getItem('portico.session.portal:demo');
    const token = raw ? (JSON.parse(raw) as { accessToken: string }).accessToken : '';
    const res = await fetch('/api/v1/portal/me', {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Changed by staff' }),
    });
    return res.status;
  });
  expect(status).toBe(403);
  await portal.close();

  // The invitation logs the client in for real.
  const client = await page.context().browser()!.newPage();
  await client.goto(link);
  await client.getByRole('button', { name: `Continue as ${email}` }).click();
  await expect(client.getByRole('heading', { name: 'Hello, Nora' })).toBeVisible();
  await expect(client.getByText('You are viewing the portal as')).toHaveCount(0);
  await client.close();

  for (const [nav, heading] of [
    ['Branding', 'Branding'],
    ['API keys', 'API keys'],
    ['Team', 'Team'],
  ] as const) {
    // Settings is a section: its button shows its pages.
    await menu.getByRole('button', { name: 'Settings' }).click();
    await menu.getByRole('link', { name: nav }).click();
    await expect(page.getByRole('heading', { name: heading, exact: true }).first()).toBeVisible();
    await screenshots(page, `console-${nav.toLowerCase().replace(' ', '-')}`);
  }

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/app\/login$/);
});
