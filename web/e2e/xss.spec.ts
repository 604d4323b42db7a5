import { expect, test } from '@playwright/test';
import { DEMO, logInWithCode, staffToken } from './support/helpers';

// What an attacker would type into a message or a contract: markup that runs script if it is
// ever inserted as HTML, and a link that runs it when clicked.
const PAYLOAD = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '<svg onload="window.__xss=3"></svg>',
  '[Open me](javascript:window.__xss=4)',
].join('\n\n');

test('markup in messages and contracts is shown as text and never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });

  const headers = { Authorization: `Bearer ${await staffToken(page.request)}` };
  const send = async (path: string, data: unknown) => {
    const res = await page.request.post(path, { headers, data });
    expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as { id: string };
  };
  const email = `mallory.${Date.now()}@example.com`;
  const client = await send('/api/v1/clients', { name: 'Mallory <b>Bold</b>', email });
  const project = await send('/api/v1/projects', {
    client_id: client.id,
    name: 'Shop fit-out',
    status: 'active',
  });
  const thread = await send(`/api/v1/projects/${project.id}/threads`, {
    title: 'Specs <i>draft</i>',
    body: PAYLOAD,
  });
  const contract = await send('/api/v1/contracts', {
    client_id: client.id,
    title: 'Fit-out agreement',
    body: `# Terms\n\n${PAYLOAD}`,
  });
  await send(`/api/v1/contracts/${contract.id}/send`, {});

  await page.goto(`${DEMO}/login`);
  await logInWithCode(page, email);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // The message: every payload shows as the text that was typed.
  await page.goto(`${DEMO}/projects/${project.id}/messages/${thread.id}`);
  await expect(page.getByText('<img src=x onerror="window.__xss=1">')).toBeVisible();
  await expect(page.getByText('<script>window.__xss=2</script>')).toBeVisible();

  // The contract is Markdown: headings render, raw HTML does not, and no link runs script.
  await page.goto(`${DEMO}/contracts/${contract.id}`);
  const body = page.locator('main');
  await expect(body.getByRole('heading', { name: 'Terms' })).toBeVisible();
  await expect(body.locator('script, img[src="x"], svg[onload], [onerror]')).toHaveCount(0);
  await expect(body.locator('a[href^="javascript:"]')).toHaveCount(0);

  for (const link of await page.getByRole('link', { name: 'Open me' }).all()) await link.click();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(violations).toEqual([]);
});
