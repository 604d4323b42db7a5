import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, logInWithCode, nextMail, OWNER, screenshots } from './support/helpers';

async function expectNoSeriousA11yIssues(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
    [],
  );
}

test('a visitor sends the public form; staff are emailed, find the lead and convert it', async ({ page }) => {
  const email = `lena.${Date.now()}@example.com`;
  const since = Date.now();

  // No login: the form is public, in the business's colours.
  await page.goto(`${DEMO}/forms/start-a-project`);
  await expect(page.getByRole('heading', { name: 'Start a project with us', level: 1 })).toBeVisible();
  await expect(page.getByText('Lumen Design Studio').first()).toBeVisible();
  // The robots' trap is neither announced nor reachable.
  await expect(page.getByRole('textbox', { name: 'Website' })).toHaveCount(0);
  await expectNoSeriousA11yIssues(page);
  await screenshots(page, 'intake-form');

  // Sending it empty says what is missing, without a round trip.
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('Please fill this in.').first()).toBeVisible();
  await expect(page.getByLabel('Your name')).toBeFocused();

  await page.getByLabel('Your name').fill('Lena Fischer');
  await page.getByLabel('Your email').fill(email);
  await page.getByLabel('Company (optional)').fill('Fischer Bakery');
  await page.getByLabel('What do you need?').selectOption('Website');
  await page.getByLabel('Tell us about your project').fill('A new website for our three shops.');
  await page.getByRole('checkbox', { name: 'You may contact me about this request' }).check();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { name: 'Sent' })).toBeVisible();
  await expect(page.getByText('Thank you! We will write to you within two working days.')).toBeVisible();

  // The owner hears of it, with the answers.
  const mail = await nextMail(page.request, OWNER, since, (d) => d.includes('New submission'));
  expect(mail.body).toContain('Lena Fischer');
  expect(mail.body).toContain('What do you need?: Website');

  // In the console: the form, its submission, and the lead it created.
  await page.goto('/app');
  await logInWithCode(page, OWNER);
  await expect(page).toHaveURL(/\/app$/);
  // Forms are in the Work section of the navigation.
  const menu = page.getByRole('navigation', { name: 'Console' });
  await menu.getByRole('button', { name: 'Work', exact: true }).click();
  await menu.getByRole('link', { name: 'Forms', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Forms', level: 1 })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await page
    .getByRole('row', { name: /Start a project with us/ })
    .getByRole('link', { name: /submission/ })
    .click();
  const card = page.getByRole('article').filter({ hasText: email });
  await expect(card.getByText('Lead')).toBeVisible();
  await expect(card.getByText('A new website for our three shops.')).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await screenshots(page, 'intake-submissions');

  await card.getByRole('link', { name: 'Lena Fischer' }).click();
  await expect(page.getByRole('heading', { name: 'Lena Fischer', level: 1 })).toBeVisible();
  await expect(
    page.getByText('Lena Fischer sent the form “Start a project with us” and became a lead.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Invite to portal' })).toBeDisabled();
  await page.getByRole('button', { name: 'Convert to client' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Lena Fischer is now a client — invite them to the portal' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Invite to portal' })).toBeEnabled();

  // The form builder opens with the form's fields.
  await menu.getByRole('button', { name: 'Work', exact: true }).click();
  await menu.getByRole('link', { name: 'Forms', exact: true }).click();
  await page.getByRole('link', { name: 'Start a project with us' }).click();
  await expect(page.getByRole('group', { name: 'Field 5: What do you need?' })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await screenshots(page, 'intake-editor');
});

test('a client sees what changed behind the bell and marks it read', async ({ page }) => {
  await page.goto(`${DEMO}/login`);
  await logInWithCode(page, 'maria@lopez-interiors.es');
  // The demo's history counts as news for Maria: the business sent her quotes, invoices, messages.
  const bell = page.getByRole('button', {
    name: /^Notifications, \d+ unread$|^Notifications, more than 99 unread$/,
  });
  await expect(bell).toBeVisible();
  await bell.click();
  // The bell opens the latest few; Escape closes them and "See all" leads to the page.
  const latest = page.getByRole('region', { name: 'Latest notifications' });
  await expect(latest.getByRole('link', { name: /^Unread: / }).first()).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await screenshots(page, 'portal-notifications-dropdown');
  await page.keyboard.press('Escape');
  await expect(latest).toBeHidden();
  await expect(bell).toBeFocused();
  await bell.click();
  await latest.getByRole('link', { name: 'See all notifications' }).click();
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Unread: / }).first()).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await screenshots(page, 'portal-notifications');
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'All notifications marked as read' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Unread: / })).toHaveCount(0);
});
