import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { brandColors } from '../src/lib/color';
import { DEMO, linkOf, logInWithCode, nextMail, screenshots, staffToken } from './support/helpers';

// A colour no default uses, so seeing it proves the portal reads the tenant's branding.
const PRIMARY = '#0f766e';

test.beforeAll(async ({ request }) => {
  const token = await staffToken(request);
  const res = await request.patch('/api/v1/tenant', {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      primary_color: PRIMARY,
      login_title: 'Welcome to Lumen',
      login_message: 'Your projects and invoices, in one place.',
    },
  });
  expect(res.status()).toBe(200);
});

async function expectNoSeriousA11yIssues(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
    [],
  );
}

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

test('a client logs in with the emailed code, sees the dashboard in the tenant colours, edits the profile and logs out', async ({
  page,
}) => {
  // A deep link without a session goes to the login page and comes back after it.
  await page.goto(`${DEMO}/profile`);
  await expect(page).toHaveURL(/\/portal\/demo\/login\?next=%2Fportal%2Fdemo%2Fprofile$/);
  await expect(page.getByRole('heading', { name: 'Welcome to Lumen' })).toBeVisible();
  await expect(page.getByText('Your projects and invoices, in one place.')).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await screenshots(page, 'portal-login');

  await logInWithCode(page, 'maria@lopez-interiors.es');
  await expect(page).toHaveURL(/\/portal\/demo\/profile$/);
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Maria' })).toBeVisible();
  await expect(page.getByTestId('client-name')).toHaveText('Maria Lopez');
  const active = page.getByRole('link', { name: 'Dashboard' });
  await expect(active).toHaveCSS('background-color', rgb(brandColors(PRIMARY).brand));
  await expect(active).toHaveCSS('color', rgb(brandColors(PRIMARY).brandFg));
  await expectNoSeriousA11yIssues(page);
  await screenshots(page, 'portal-dashboard');

  await page.getByRole('link', { name: 'Profile' }).click();
  await page.getByLabel('Full name').fill('Maria López García');
  await page.getByLabel('Phone').fill('+34 600 000 111');
  await page.getByLabel('Company').fill('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved' })).toBeVisible();
  await screenshots(page, 'portal-profile');

  // Saved on the server, not just on screen.
  await page.reload();
  await expect(page.getByLabel('Full name')).toHaveValue('Maria López García');
  await expect(page.getByLabel('Phone')).toHaveValue('+34 600 000 111');
  await expect(page.getByLabel('Company')).toHaveValue('');

  await page.getByLabel('Full name').fill('   ');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/portal\/demo\/login$/);
  await page.goto(DEMO);
  await expect(page).toHaveURL(/\/portal\/demo\/login\?next=/);
});

test('a login link works once; the second use says it was already used', async ({ page, browser }) => {
  const email = 'aiko.tanaka@example.jp';
  await page.goto(`${DEMO}/login`);
  const since = Date.now();
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a login code' }).click();
  const link = linkOf(await nextMail(page.request, email, since));

  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Log in with your link' })).toBeVisible();
  // The token leaves the address bar as soon as the page has read it.
  await expect(page).toHaveURL(/\/login\/link$/);
  await page.getByRole('button', { name: `Continue as ${email}` }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Aiko' })).toBeVisible();

  const other = await browser.newPage();
  await other.goto(link);
  await other.getByRole('button', { name: `Continue as ${email}` }).click();
  await expect(other.getByRole('alert')).toContainText('already used');
  await other.getByRole('link', { name: 'Get a new code' }).click();
  await expect(other.getByLabel('Email address')).toBeVisible();
  await other.close();
});

test('one email with two client records chooses the account', async ({ page }) => {
  await page.goto(`${DEMO}/login`);
  await logInWithCode(page, 'lukas@becker-architekten.de');
  await expect(page.getByRole('heading', { name: 'Which account?' })).toBeVisible();
  await page.getByRole('button', { name: /Café Kiez/ }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Lukas' })).toBeVisible();
});

test('a wrong code is refused in words and the client can retry', async ({ page }) => {
  const email = 'emma.johansson@example.se';
  await page.goto(`${DEMO}/login`);
  const since = Date.now();
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a login code' }).click();
  const mail = await nextMail(page.request, email, since);
  const right = /^(\d{6})/.exec(mail.subject)![1]!;
  const wrong = right === '000000' ? '111111' : '000000';
  await page.getByRole('textbox', { name: 'Digit 1 of 6' }).click();
  await page.keyboard.type(wrong);
  await expect(page.getByRole('alert')).toContainText('This code is wrong');
  await page.getByRole('textbox', { name: 'Digit 1 of 6' }).click();
  await page.keyboard.type(right);
  await expect(page.getByRole('heading', { name: 'Hello, Emma' })).toBeVisible();
});

test('an unknown portal and an unknown page say so', async ({ page }) => {
  await page.goto('/portal/no-such-business');
  await expect(page.getByRole('heading', { name: 'We couldn’t find this portal' })).toBeVisible();
  await page.goto('/somewhere/else');
  await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
});

test('the portal fits a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${DEMO}/login`);
  await expect(page.getByRole('button', { name: 'Email me a login code' })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test('on the tenant’s own domain the portal lives at /', async ({ page, request }) => {
  const token = await staffToken(request);
  const res = await request.patch('/api/v1/tenant', {
    headers: { Authorization: `Bearer ${token}` },
    data: { custom_domain: 'portal.lumen.test' },
  });
  expect(res.status()).toBe(200);

  const origin = 'http://portal.lumen.test:18080';
  await page.goto(`${origin}/`);
  await expect(page).toHaveURL(`${origin}/login?next=%2F`);
  await expect(page.getByRole('heading', { name: 'Welcome to Lumen' })).toBeVisible();
  await logInWithCode(page, 'chloe.dubois@example.fr');
  await expect(page.getByRole('heading', { name: 'Hello, Chloé' })).toBeVisible();
  await expect(page).toHaveURL(`${origin}/`);
  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page).toHaveURL(`${origin}/profile`);
  await expect(page.getByLabel('Full name')).toHaveValue('Chloé Dubois');
});
