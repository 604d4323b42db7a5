import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Page } from '@playwright/test';
import { DEMO, logInWithCode, screenshots, staffToken } from './support/helpers';

// The demo's client: she has a sent quote, a sent contract and unpaid invoices.
const MARIA = 'maria@lopez-interiors.es';

async function expectNoSeriousA11yIssues(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
    [],
  );
}

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name, exact: true }).click();

test.beforeAll(async ({ request }) => {
  // Staff take payments through (the fake) Stripe, with its test keys.
  const token = await staffToken(request);
  const res = await request.put('/api/v1/billing/providers/stripe', {
    headers: { Authorization: `Bearer ${token}` },
    data: { secret_key: 'sk_test_e2e', webhook_secret: 'whsec_e2e' },
  });
  expect(res.status(), await res.text()).toBe(200);
});

test('a client accepts a quote, signs a contract by drawing, downloads it, and pays an invoice online', async ({
  page,
}) => {
  await page.goto(`${DEMO}/login`);
  await logInWithCode(page, MARIA);
  await expect(page.getByRole('link', { name: /awaits? your decision/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Amount due/ })).toBeVisible();
  await screenshots(page, 'money-dashboard');

  // ——— The quote: accept it, and a project appears ———
  await nav(page, 'Quotes');
  await page.getByRole('article').first().getByRole('link').click();
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await expect(page.getByRole('table', { name: 'Lines' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Totals' })).toContainText('Total');
  await expectNoSeriousA11yIssues(page);
  await screenshots(page, 'money-quote');
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(
    page.getByText(/^Accept quote Q-\d{4}-\d{4} for [A-Z]{3}\s[\d.,\s]+\? A project will be created\.$/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Accept quote' }).click();
  const toast = page.getByRole('status').filter({ hasText: 'Quote accepted — project created' });
  await expect(toast).toBeVisible();
  await expect(page.getByText('Accepted', { exact: true })).toBeVisible();
  await toast.getByRole('link', { name: 'Open the project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await nav(page, 'Projects');
  await expect(page.getByRole('link', { name: title })).toBeVisible();

  // ——— The contract: read to the end, draw the signature, sign, download the signed PDF ———
  await nav(page, 'Contracts');
  await page
    .getByRole('article')
    .filter({ hasText: 'Awaiting your signature' })
    .first()
    .getByRole('link')
    .click();
  await expect(page.getByTestId('contract-text')).toBeVisible();
  await page.getByText('End of the contract').scrollIntoViewIfNeeded();
  await page.getByLabel('Full name').fill('Maria Lopez');
  await page.getByRole('radio', { name: 'Draw' }).check();
  const pad = page.getByRole('img', { name: /Signature pad/ });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const at = (x: number, y: number) => [box.x + box.width * x, box.y + box.height * y] as const;
  await page.mouse.move(...at(0.1, 0.6));
  await page.mouse.down();
  for (let i = 1; i <= 24; i += 1) {
    await page.mouse.move(...at(0.1 + i * 0.03, 0.55 - 0.25 * Math.sin(i / 2.5)), { steps: 2 });
  }
  await page.mouse.up();
  await page.mouse.move(...at(0.3, 0.8));
  await page.mouse.down();
  await page.mouse.move(...at(0.75, 0.75), { steps: 8 });
  await page.mouse.up();
  await expect(page.getByRole('button', { name: 'Clear' })).toBeEnabled();
  await page.getByRole('checkbox', { name: /^I agree/ }).check();
  await screenshots(page, 'money-contract-sign');
  await page.getByRole('button', { name: 'Sign contract' }).click();
  await expect(page.getByText(/^Signed by Maria Lopez on /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign contract' })).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download signed PDF' }).click();
  const signed = await downloading;
  expect(signed.suggestedFilename()).toMatch(/\.pdf$/);
  expect((await bytesOf(signed)).subarray(0, 4).toString('latin1')).toBe('%PDF');
  await screenshots(page, 'money-contract-signed');

  // ——— The invoice: Pay now → the fake Stripe checkout → Pay → back, marked paid ———
  await nav(page, 'Invoices');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('button', { name: 'Pay now' })).toBeVisible();
  const due = (await page.getByTestId('amount-due').textContent())!.trim();
  // Addressed as the invoice was sent: the billing address and VAT ID EU invoices need.
  const billTo = page.getByRole('region', { name: 'Bill to' });
  await expect(billTo).toContainText('Calle de Serrano 41');
  await expect(billTo).toContainText('VAT / tax ID: ESB87654321');
  await expectNoSeriousA11yIssues(page);
  await screenshots(page, 'money-invoice');
  const invoiceUrl = page.url();
  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(page.getByRole('heading', { name: 'Fake Stripe Checkout' })).toBeVisible();
  await expect(page.getByTestId('amount')).toHaveText(due);
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page).toHaveURL(`${invoiceUrl}?paid=1`);
  await expect(page.getByText('Payment received — thank you. This invoice is paid.')).toBeVisible();
  await expect(page.getByText('Paid', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pay now' })).toHaveCount(0);
  await expect(page.getByText(/Card \(Stripe\)/)).toBeVisible();
  await screenshots(page, 'money-invoice-paid');
});
