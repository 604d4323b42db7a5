import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO, logInWithCode, staffToken } from './support/helpers';

// Browser sessions: the refresh token lives in an HttpOnly cookie, access tokens in memory,
// so one login serves every tab, and closing the browser ends it unless the client ticked
// "keep me signed in on this device".

async function newClient(browser: Browser, name: string, email: string) {
  const context = await browser.newContext();
  const token = await staffToken(context.request);
  const res = await context.request.post('/api/v1/clients', {
    headers: { Authorization: `Bearer ${token}` },
    data: { name, email },
  });
  expect(res.status()).toBe(201);
  await context.close();
}

async function logIn(page: Page, email: string, remember: boolean) {
  await page.goto(DEMO);
  if (remember) await page.getByLabel('Keep me signed in on this device').check();
  await logInWithCode(page, email);
}

/** What a browser keeps when it is closed and opened again: cookies with an expiry date only. */
async function reopened(browser: Browser, context: BrowserContext): Promise<BrowserContext> {
  const state = await context.storageState();
  await context.close();
  return browser.newContext({
    storageState: { ...state, cookies: state.cookies.filter((c) => c.expires > 0) },
  });
}

test('one login serves every tab, is out of reach of script, and a logout ends them all', async ({
  browser,
}) => {
  await newClient(browser, 'Tabitha Two', 'tabitha@tabs.example');
  const context = await browser.newContext();
  const first = await context.newPage();
  await logIn(first, 'tabitha@tabs.example', false);
  await expect(first.getByRole('heading', { name: 'Hello, Tabitha' })).toBeVisible();

  // Nothing a script on the page could steal: no token in storage, the cookie is HttpOnly.
  expect(await first.evaluate(() => document.cookie)).not.toContain('portico_refresh');
  expect(
    await first.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage)),
  ).not.toContain('token');
  const [cookie] = (await context.cookies()).filter((c) => c.name === 'portico_refresh');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/portal/demo/auth' });
  expect(cookie!.expires).toBe(-1);

  // A second tab opens straight into the portal, deep links included.
  const second = await context.newPage();
  await second.goto(`${DEMO}/profile`);
  await expect(second.getByRole('heading', { name: 'Your profile' })).toBeVisible();
  await expect(second).toHaveURL(/\/portal\/demo\/profile$/);

  // Logging out in one tab logs out the other at once.
  await first.getByRole('button', { name: 'Log out' }).click();
  await expect(first).toHaveURL(/\/portal\/demo\/login$/);
  await expect(second.getByLabel('Email address')).toBeVisible();
  await second.reload();
  await expect(second.getByLabel('Email address')).toBeVisible();
  await context.close();
});

test('closing the browser ends a session unless the client asked to stay signed in', async ({ browser }) => {
  await newClient(browser, 'Brief Visit', 'brief@visit.example');
  let context = await browser.newContext();
  let page = await context.newPage();
  await logIn(page, 'brief@visit.example', false);
  await expect(page.getByRole('heading', { name: 'Hello, Brief' })).toBeVisible();
  context = await reopened(browser, context);
  page = await context.newPage();
  await page.goto(DEMO);
  await expect(page.getByLabel('Email address')).toBeVisible();
  await context.close();

  await newClient(browser, 'Long Stay', 'long@stay.example');
  context = await browser.newContext();
  page = await context.newPage();
  await logIn(page, 'long@stay.example', true);
  await expect(page.getByRole('heading', { name: 'Hello, Long' })).toBeVisible();
  const [cookie] = (await context.cookies()).filter((c) => c.name === 'portico_refresh');
  const days = (cookie!.expires * 1000 - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(29);
  context = await reopened(browser, context);
  page = await context.newPage();
  await page.goto(DEMO);
  await expect(page.getByRole('heading', { name: 'Hello, Long' })).toBeVisible();
  await context.close();
});

test('a client with two accounts on one email switches between them without logging in again', async ({
  page,
}) => {
  await page.goto(`${DEMO}/login`);
  await logInWithCode(page, 'lukas@becker-architekten.de');
  await page.getByRole('button', { name: /Café Kiez/ }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Lukas' })).toBeVisible();
  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByLabel('Company')).toHaveValue('Café Kiez');

  await page.getByRole('button', { name: 'Switch account' }).click();
  const menu = page.getByRole('group', { name: 'Switch account' });
  await expect(menu.getByRole('button', { name: /Café Kiez/ })).toHaveCount(0);
  await menu.getByRole('button', { name: 'Lukas Becker — Becker Architekten' }).click();
  await expect(page.getByText('You are now logged in as Lukas Becker — Becker Architekten.')).toBeVisible();
  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByLabel('Company')).toHaveValue('Becker Architekten');
  // The switch holds across a reload: the cookie names the new account's session.
  await page.reload();
  await expect(page.getByLabel('Company')).toHaveValue('Becker Architekten');
});
