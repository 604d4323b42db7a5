import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { codeOf, DEMO, isLoginCode, nextMail, staffToken } from './support/helpers';

// The portal in the client's language: login page, dashboard and an invoice, read in German
// and Spanish with their formats, and only the reader's catalog downloaded.
const MARIA = 'maria@lopez-interiors.es';

type Catalog = Record<string, string>;
function catalog(language: string, ...files: string[]): Catalog {
  return Object.assign(
    {},
    ...files.map((f) => JSON.parse(readFileSync(`src/locales/${language}/${f}.json`, 'utf8')) as Catalog),
  );
}
const fill = (message: string, values: Record<string, string | number>) =>
  message.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));

async function setMariaLanguage(request: APIRequestContext, language: string | null) {
  const token = await staffToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  const found = await request.get(`/api/v1/clients?q=${encodeURIComponent(MARIA)}`, { headers });
  const maria = (
    (await found.json()) as { items: { id: string; email: string; company?: string }[] }
  ).items.find((c) => c.email === MARIA)!;
  const res = await request.patch(`/api/v1/clients/${maria.id}`, { headers, data: { language } });
  expect(res.status()).toBe(200);
}

async function logIn(page: Page, text: Catalog) {
  const since = Date.now();
  await page.getByLabel(text['login.email.label']!).fill(MARIA);
  await page.getByRole('button', { name: text['login.email.submit'] }).click();
  await expect(page.getByRole('heading', { name: text['login.code.title'] })).toBeVisible();
  const mail = await nextMail(page.request, MARIA, since, isLoginCode);
  await page.getByRole('textbox', { name: fill(text['components.code.digit']!, { n: 1, count: 6 }) }).click();
  await page.keyboard.type(codeOf(mail));
  return mail;
}

test.afterAll(async ({ request }) => {
  // The other files read Maria in English.
  await setMariaLanguage(request, null);
});

for (const { language, locale, money, emailSubject } of [
  // 1.234,56 €: a comma before the cents and the euro sign after, in both.
  { language: 'de', locale: 'de-DE', money: /\d,\d{2}\s€/, emailSubject: /ist Ihr Anmeldecode für/ },
  { language: 'es', locale: 'es-ES', money: /\d,\d{2}\s€/, emailSubject: /es tu código de acceso a/ },
]) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale, timezoneId: 'Europe/Berlin' });

    test(`a client reads the login page, the dashboard and an invoice in ${language}`, async ({ page }) => {
      const text = catalog(language, 'login', 'components', 'portalMe', 'portalBillingInvoices');
      await setMariaLanguage(page.request, language);
      await page.goto(`${DEMO}/login`);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByText(text['login.email.hint']!)).toBeVisible();
      const mail = await logIn(page, text);
      expect(mail.subject).toMatch(emailSubject);

      await expect(
        page.getByRole('heading', { name: fill(text['portalMe.hello']!, { name: 'Maria' }) }),
      ).toBeVisible();
      await page.getByRole('link', { name: text['portalMe.nav.invoices'] }).click();
      await expect(page.getByRole('heading', { name: text['portalBillingInvoices.title'] })).toBeVisible();
      await expect(
        page.getByRole('columnheader', { name: text['portalBillingInvoices.colDueDate'] }),
      ).toBeVisible();
      // Dates as the language writes them: the month in that language, not in English.
      const months = new Intl.DateTimeFormat(locale, { month: 'short' });
      const monthNames = Array.from({ length: 12 }, (_, m) => months.format(new Date(Date.UTC(2026, m, 15))));
      const table = (await page.getByRole('table').textContent()) ?? '';
      expect(
        monthNames.some((m) => table.includes(m.replace('.', ''))) || /\d{2}\.\d{2}\.\d{4}/.test(table),
      ).toBe(true);
      expect(table).toMatch(money);

      await page.getByRole('table').getByRole('link').first().click();
      await expect(page.getByTestId('amount-due')).toHaveText(money);
      await expect(page.getByRole('heading', { name: text['portalBillingInvoices.lines'] })).toBeVisible();
    });
  });
}

test('a reader downloads their own language and no other', async ({ browser }) => {
  const load = async (locale: string) => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    page.on('response', async (res) => {
      if (res.url().endsWith('.js')) scripts.set(new URL(res.url()).pathname, (await res.body()).length);
    });
    await page.goto(`${DEMO}/login`);
    await expect(page.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));
    await page.waitForLoadState('networkidle');
    await context.close();
    return scripts;
  };
  const sizes = async (locale: string) => {
    const scripts = await load(locale);
    const catalogs = [...scripts.keys()].filter((path) => /\/locale-\w+-/.test(path));
    const total = [...scripts.values()].reduce((a, b) => a + b, 0);
    const own = catalogs.reduce((sum, path) => sum + scripts.get(path)!, 0);
    return { catalogs, total, own };
  };
  const spanish = await sizes('es-ES');
  const english = await sizes('en-US');
  expect(spanish.catalogs).toEqual([expect.stringMatching(/\/locale-es-/)]);
  expect(english.catalogs).toEqual([expect.stringMatching(/\/locale-en-/)]);
  // Everything but the catalog is the same code: one language grows the first load by its own
  // catalog only.
  expect(spanish.total - spanish.own).toBe(english.total - english.own);
});
