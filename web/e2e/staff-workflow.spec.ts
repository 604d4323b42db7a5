import { expect, test, type Page } from '@playwright/test';
import { logInWithCode, OWNER, screenshots, staffToken } from './support/helpers';

/** Opens a page of the console's navigation: its section's button shows the section's pages. */
async function nav(page: Page, section: string, name: string) {
  const menu = page.getByRole('navigation', { name: 'Console' });
  await menu.getByRole('button', { name: section, exact: true }).click();
  await menu.getByRole('link', { name, exact: true }).click();
}

test('staff land on home, open a waiting quote, write a contract template and make a contract from it', async ({
  page,
}) => {
  await page.goto('/app');
  await logInWithCode(page, OWNER);
  await expect(page).toHaveURL(/\/app$/);

  // A quote sent to a client (through the API, as an integration would) waits for her answer;
  // a reload of home lists it.
  const title = `Shop window ${Date.now()}`;
  const token = await staffToken(page.request);
  const headers = { authorization: `Bearer ${token}` };
  // A client of this test's own: other specs rename the demo clients.
  const stamp = Date.now();
  const who = `Ines Vidal ${stamp}`;
  const made = await page.request.post('/api/v1/clients', {
    headers,
    data: { name: who, email: `ines.${stamp}@example.com`, company: 'Vidal Ceramics' },
  });
  expect(made.status()).toBe(201);
  const client = await made.json();
  const line = { description: 'Window display', quantity: '1', unit_price_minor: 80000, tax_rate_bp: 0 };
  const created = await page.request.post('/api/v1/quotes', {
    headers,
    data: { client_id: client.id, title, lines: [line] },
  });
  expect(created.status()).toBe(201);
  const quoteId = (await created.json()).id;
  expect((await page.request.post(`/api/v1/quotes/${quoteId}/send`, { headers, data: {} })).status()).toBe(
    200,
  );
  await page.reload();

  await expect(page.getByRole('heading', { name: /Waiting on clients/ })).toBeVisible();
  const quote = page.getByRole('link', { name: new RegExp(title) });
  await expect(quote).toBeVisible();
  await screenshots(page, 'console-home-waiting');
  await quote.click();
  await expect(page).toHaveURL(new RegExp(`/app/quotes/${quoteId}$`));
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();

  // A contract template with merge fields, one of them put in with the picker.
  const name = `Studio agreement ${Date.now()}`;
  await nav(page, 'Settings', 'Templates');
  await expect(page).toHaveURL(/\/app\/settings\/templates/);
  await page.getByRole('tab', { name: 'Contracts' }).click();
  await page.getByRole('button', { name: 'New contract template' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Contract title').fill('Agreement with {{client.name}}');
  const body = page.getByRole('textbox', { name: 'Contract text' });
  await body.fill('# Agreement\n\nThis agreement is made with ');
  await body.press('End');
  await page.getByRole('button', { name: 'Client’s company' }).click();
  await expect(body).toHaveValue(/made with \{\{client\.company\}\}/);
  await body.press('End');
  await body.type(' on {{today}}. {{client.nmae}}');
  await page.getByRole('button', { name: 'Create template' }).click();
  // The unknown field is refused at save, named, on the text.
  await expect(page.getByText(/client\.nmae/).first()).toBeVisible();
  await body.fill(`# Agreement\n\nThis agreement is made with {{client.company}} on {{today}}.`);
  await page.getByRole('button', { name: 'Create template' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Template “${name}” created` })).toBeVisible();
  await screenshots(page, 'console-templates');

  // A new contract starts from it, filled in for the client chosen.
  await nav(page, 'Money', 'Contracts');
  await page.getByRole('link', { name: 'New contract' }).click();
  await page.getByLabel('Start from a template').selectOption({ label: name });
  await page.getByRole('combobox', { name: 'Client' }).fill(who);
  await page.getByRole('option', { name: new RegExp(who) }).click();
  await expect(page.getByText(/Filled in from/)).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue(`Agreement with ${who}`);
  await expect(page.getByLabel('Contract text (Markdown)')).toHaveValue(/made with Vidal Ceramics on \d/);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/app\/contracts\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: `Agreement with ${who}` })).toBeVisible();
  await expect(page.getByText(/made with Vidal Ceramics on/)).toBeVisible();
  await screenshots(page, 'console-contract-from-template');
});
