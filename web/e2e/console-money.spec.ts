import { inflateSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { logInWithCode, nextMail, OWNER, screenshots, staffToken } from './support/helpers';

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

/** The text a PDF draws: its content streams, inflated where they are compressed. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const bytes = Buffer.from(m[1]!, 'latin1');
    try {
      parts.push(inflateSync(bytes).toString('latin1'));
    } catch {
      parts.push(m[1]!);
    }
  }
  return parts.join('\n');
}

/** Opens a page of the console's navigation: its section's button shows the section's pages. */
async function nav(page: Page, section: string, name: string) {
  const menu = page.getByRole('navigation', { name: 'Console' });
  await menu.getByRole('button', { name: section, exact: true }).click();
  await menu.getByRole('link', { name, exact: true }).click();
}

async function pickClient(page: Page, name: string) {
  await page.getByRole('combobox', { name: 'Client' }).fill(name.split(' ')[0]!);
  await page.getByRole('option', { name: new RegExp(name) }).click();
}

async function fillLine(line: Locator, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    await line.getByLabel(new RegExp(`^${label.replace(/[%()]/g, '\\$&')}`)).fill(value);
  }
}

test('staff write and send a quote and a contract, then invoice, take two payments and download the PDF', async ({
  page,
}) => {
  // A client of their own, so nothing else in the demo data gets in the way.
  const token = await staffToken(page.request);
  const email = `jonas.${Date.now()}@example.com`;
  const created = await page.request.post('/api/v1/clients', {
    headers: { Authorization: `Bearer ${token}` },
    data: { name: 'Jonas Richter', email },
  });
  expect(created.status(), await created.text()).toBe(201);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });

  await page.goto('/app');
  // The owner just asked for a code through the API; the server spaces requests 2 s apart.
  await page.waitForTimeout(2_100);
  await logInWithCode(page, OWNER);
  await expect(page).toHaveURL(/\/app$/);

  // ——— A quote with three lines: the preview, then the server's totals, then sent ———
  await nav(page, 'Money', 'Quotes');
  await expect(page.getByRole('heading', { level: 1, name: 'Quotes' })).toBeVisible();
  await page.getByRole('link', { name: 'New quote' }).click();
  await pickClient(page, 'Jonas Richter');
  await page.getByLabel('Title').fill('Bakery rebrand');
  await fillLine(page.getByRole('listitem', { name: 'Line 1' }), {
    Description: 'Logo design',
    Quantity: '10',
    'Unit price': '95',
    'Tax %': '20',
  });
  await page.getByRole('button', { name: 'Add line' }).click();
  await fillLine(page.getByRole('listitem', { name: 'Line 2' }), {
    Description: 'Brand book',
    Quantity: '1.5',
    'Unit price': '400',
    'Tax %': '7',
    'Discount %': '10',
  });
  await page.getByRole('button', { name: 'Add line' }).click();
  await fillLine(page.getByRole('listitem', { name: 'Line 3' }), {
    Description: 'Colour proofs',
    Quantity: '0.333',
    'Unit price': '10',
    'Tax %': '20',
  });
  const preview = page.getByRole('group', { name: 'Totals preview' });
  await expect(page.getByLabel('Line 2 amount')).toHaveText('€540.00');
  await expect(preview.getByTestId('preview-subtotal')).toHaveText('€1,493.33');
  await expect(preview).toContainText('Tax 7% on €540.00€37.80');
  await expect(preview).toContainText('Tax 20% on €953.33€190.67');
  await expect(preview.getByTestId('preview-total')).toHaveText('€1,721.80');
  await expectNoSeriousA11yIssues(page);
  await screenshots(page, 'console-quote-editor');
  await page.getByRole('button', { name: 'Save draft' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Bakery rebrand' })).toBeVisible();
  await expect(page.getByText(/^Quote Q-\d{4}-\d{4} saved as a draft$/)).toBeVisible();
  // The server's totals, rounded per line as the preview said.
  const totals = page.getByRole('group', { name: 'Totals' });
  await expect(totals).toContainText('Subtotal€1,493.33');
  await expect(totals).toContainText('Tax 7% on €540.00€37.80');
  await expect(totals).toContainText('Tax 20% on €953.33€190.67');
  await expect(totals).toContainText('Total€1,721.80');
  const since = Date.now();
  await page.getByRole('button', { name: 'Send to client' }).click();
  await page.getByRole('button', { name: 'Send quote' }).click();
  await expect(page.getByText(/^Quote Q-\d{4}-\d{4} sent — Jonas Richter has been emailed$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Revise' })).toBeVisible();
  await nextMail(page.request, email, since);
  await expectNoSeriousA11yIssues(page);
  await screenshots(page, 'console-quote-sent');

  // ——— A contract, previewed and sent ———
  await nav(page, 'Money', 'Contracts');
  await page.getByRole('link', { name: 'New contract' }).click();
  await pickClient(page, 'Jonas Richter');
  await page.getByLabel('Title').fill('Bakery rebrand — services agreement');
  await page
    .getByLabel('Contract text (Markdown)')
    .fill('# Services agreement\n\n1. **Scope**: the logo and the brand book.\n2. Payment within 14 days.');
  await expect(
    page
      .getByRole('region', { name: 'Preview of the contract' })
      .getByRole('heading', { name: 'Services agreement' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Bakery rebrand — services agreement' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Send to client' }).click();
  await page.getByRole('button', { name: 'Send contract' }).click();
  await expect(
    page.getByText('“Bakery rebrand — services agreement” sent — Jonas Richter has been emailed'),
  ).toBeVisible();
  await expect(page.getByText('Waiting for Jonas Richter to sign.')).toBeVisible();
  await screenshots(page, 'console-contract-sent');

  // ——— An invoice: sent, paid in two parts, and its PDF ———
  await nav(page, 'Money', 'Invoices');
  await page.getByRole('link', { name: 'New invoice' }).click();
  await pickClient(page, 'Jonas Richter');
  await page.getByLabel('Title').fill('Bakery rebrand, first half');
  await fillLine(page.getByRole('listitem', { name: 'Line 1' }), {
    Description: 'Logo design',
    Quantity: '1',
    'Unit price': '1000',
    'Tax %': '20',
  });
  await expect(page.getByTestId('preview-total')).toHaveText('€1,200.00');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bakery rebrand, first half' })).toBeVisible();
  const number = (await page
    .getByText(/^INV-\d{4}-\d{4}$/)
    .first()
    .textContent())!.trim();
  await page.getByRole('button', { name: 'Send to client' }).click();
  await page.getByRole('button', { name: 'Send invoice' }).click();
  await expect(page.getByText(`Invoice ${number} sent — Jonas Richter has been emailed`)).toBeVisible();

  const payment = page.getByRole('form', { name: 'Record a payment' });
  await expect(payment.getByLabel('Amount (EUR)')).toHaveValue('1200.00');
  await payment.getByLabel('Amount (EUR)').fill('500');
  await payment.getByLabel('Reference').fill('SEPA 0042');
  await payment.getByRole('button', { name: 'Record payment' }).click();
  await payment.getByRole('button', { name: 'Yes, record the payment' }).click();
  await expect(page.getByText(`Payment of €500.00 recorded — €700.00 still due on ${number}`)).toBeVisible();
  const header = page.getByRole('heading', { level: 1 }).locator('..');
  await expect(header).toContainText('Partly paid');
  await expect(page.getByTestId('amount-due')).toHaveText('€700.00');
  await expect(page.getByRole('table', { name: 'Payments' })).toContainText('SEPA 0042');
  await expectNoSeriousA11yIssues(page);
  await screenshots(page, 'console-invoice-partly-paid');

  // More than is due is refused, in words, at the amount (the browser logs the 422 it answered).
  const logged = errors.length;
  await payment.getByLabel('Amount (EUR)').fill('800');
  await payment.getByRole('button', { name: 'Record payment' }).click();
  await payment.getByRole('button', { name: 'Yes, record the payment' }).click();
  await expect(payment.getByText(/more than is due/)).toBeVisible();
  expect(errors.splice(logged)).toEqual([expect.stringContaining('status of 422')]);

  await payment.getByLabel('Amount (EUR)').fill('700');
  await payment.getByLabel('Method').selectOption({ label: 'Cash' });
  await payment.getByRole('button', { name: 'Record payment' }).click();
  await payment.getByRole('button', { name: 'Yes, record the payment' }).click();
  await expect(page.getByText(`Payment of €700.00 recorded — ${number} is paid in full`)).toBeVisible();
  await expect(header).toContainText('Paid');
  await expect(page.getByTestId('amount-due')).toHaveText('€0.00');
  await expect(page.getByRole('form', { name: 'Record a payment' })).toHaveCount(0);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF' }).click();
  const pdf = await downloading;
  expect(pdf.suggestedFilename()).toBe(`${number}.pdf`);
  const bytes = await bytesOf(pdf);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdfText(bytes)).toContain(number);
  await screenshots(page, 'console-invoice-paid');

  // The list agrees.
  await nav(page, 'Money', 'Invoices');
  const row = page.getByRole('table', { name: 'Invoices' }).getByRole('row').filter({ hasText: number });
  await expect(row).toContainText('Paid');
  expect(errors).toEqual([]);
});

test('an admin sets the billing prefixes and Paystack keys, which are never shown back, then removes them', async ({
  page,
}) => {
  await page.goto('/app/login');
  await logInWithCode(page, OWNER);
  await expect(page).toHaveURL(/\/app$/);
  await nav(page, 'Settings', 'Billing');
  await expect(page.getByRole('heading', { level: 1, name: 'Billing' })).toBeVisible();

  await page.getByLabel('Payment terms (days)').fill('21');
  await page.getByLabel('Billing details').fill('Lumen Design Studio · IBAN DE89 3704 0044 0532 0130 00');
  await page.getByRole('button', { name: 'Save billing settings' }).click();
  await expect(page.getByText('Billing settings saved')).toBeVisible();

  // Paystack stays switched off, so the portal's "Pay now" (money.spec.ts) is Stripe's alone.
  const paystack = page.getByRole('form', { name: 'Paystack keys' });
  await paystack.getByLabel('Paystack secret key').fill('sk_test_e2e_paystack_9F3k');
  await paystack.getByRole('checkbox', { name: /Offer Paystack to clients/ }).uncheck();
  await paystack.getByRole('button', { name: 'Save Paystack keys' }).click();
  await expect(page.getByText('Paystack keys saved — switched off for now')).toBeVisible();
  const card = page.getByRole('heading', { name: 'Paystack', exact: true }).locator('../..');
  await expect(card).toContainText('Secret key ending in 9F3k');
  await expect(card.getByText('Off', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Paystack secret key')).toHaveValue('');
  await expect(page.locator('body')).not.toContainText('sk_test_e2e_paystack_9F3k');
  await expectNoSeriousA11yIssues(page);
  await screenshots(page, 'console-billing-settings');

  // A reload shows what the server kept: the terms, and still no key.
  await page.reload();
  await expect(page.getByLabel('Payment terms (days)')).toHaveValue('21');
  await expect(card).toContainText('Secret key ending in 9F3k');

  await card.getByRole('button', { name: 'Remove Paystack' }).click();
  await card.getByRole('button', { name: 'Remove Paystack' }).click();
  await expect(page.getByText('Paystack removed — clients can no longer pay with it')).toBeVisible();
  await expect(card.getByText('Not set up')).toBeVisible();
});
