import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { logInWithCode, OWNER, screenshots, staffToken } from './support/helpers';

/** A fresh client with a project that has a deliverable, an internal file and a thread. */
async function arrange(request: APIRequestContext) {
  const token = await staffToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  const post = async (path: string, data?: unknown) => {
    const res = await request.post(path, { headers, data });
    expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as { id: string };
  };
  const client = await post('/api/v1/clients', {
    name: 'Pia Schulz',
    email: `pia.${Date.now()}@example.com`,
  });
  const project = await post('/api/v1/projects', {
    client_id: client.id,
    name: 'Café menu boards',
    status: 'active',
  });
  await post(`/api/v1/projects/${project.id}/deliverables`, { title: 'Menu layout' });
  const res = await request.post(`/api/v1/projects/${project.id}/files`, {
    headers,
    multipart: {
      client_visible: 'false',
      file: { name: 'print-quote.txt', mimeType: 'text/plain', buffer: Buffer.from('supplier quote') },
    },
  });
  expect(res.status()).toBe(201);
  await post(`/api/v1/projects/${project.id}/threads`, {
    title: 'Menu wording',
    body: 'Draft wording attached.',
  });
  return { project, headers };
}

test('staff run a project: submit a deliverable, share a file, add an internal note, log time', async ({
  page,
}) => {
  const data = await arrange(page.request);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });

  await page.goto('/app');
  // The owner just asked for a code through the API; the server spaces requests 2 s apart.
  await page.waitForTimeout(2_100);
  await logInWithCode(page, OWNER);
  await expect(page).toHaveURL(/\/app$/);
  const menu = page.getByRole('navigation', { name: 'Console' });
  await menu.getByRole('button', { name: 'Work', exact: true }).click();
  await menu.getByRole('link', { name: 'Projects', exact: true }).click();
  await page.getByRole('link', { name: 'Café menu boards' }).click();
  await expect(page.getByRole('heading', { name: 'Café menu boards', level: 1 })).toBeVisible();

  // Tasks.
  await page.getByLabel('Task', { exact: true }).fill('Proof the prices');
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByRole('listitem', { name: 'Proof the prices' })).toBeVisible();
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // A deliverable goes to the client for review.
  await page.getByRole('tab', { name: 'Deliverables' }).click();
  const layout = page.getByRole('listitem', { name: 'Menu layout' });
  await layout.getByRole('button', { name: 'Submit for review' }).click();
  await layout.getByLabel('Note for the client (optional)').fill('Two options inside.');
  await layout.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(
    page.getByText('“Menu layout” submitted for review — Pia Schulz has been emailed'),
  ).toBeVisible();

  // An internal file is shared with the client.
  await page.getByRole('tab', { name: 'Files' }).click();
  const quote = page.getByRole('listitem', { name: 'print-quote.txt' });
  await quote.getByRole('checkbox').check();
  await expect(page.getByText('“print-quote.txt” is now visible to Pia Schulz')).toBeVisible();

  // An internal note is marked as such.
  await page.getByRole('tab', { name: /^Messages/ }).click();
  await page.getByRole('link', { name: /Menu wording/ }).click();
  await page.getByRole('checkbox', { name: 'Internal note (client won’t see it)' }).check();
  await page
    .getByRole('textbox', { name: 'Internal note' })
    .fill('Check the allergen icons with the printer.');
  await page.getByRole('button', { name: 'Add internal note' }).click();
  await expect(page.getByRole('listitem', { name: /Internal note from/ }).last()).toContainText(
    'allergen icons',
  );
  await screenshots(page, 'console-project-thread');

  // Time: 1 h 45 min at €85.50 is €149.62 (half to even, as the API rounds).
  await page.getByRole('tab', { name: 'Time' }).click();
  await page.getByLabel('Duration').fill('1:45');
  await page.getByLabel('Description').fill('Menu typesetting');
  await page.getByLabel(/Hourly rate/).fill('85.50');
  await page.getByRole('button', { name: 'Log time' }).click();
  await expect(page.getByRole('listitem', { name: 'Menu typesetting' })).toContainText('€149.62');
  await screenshots(page, 'console-project-time');

  // The client sees the shared file and the deliverable, never the note.
  const log = await page.request.get(`/api/v1/projects/${data.project.id}/activity`, {
    headers: data.headers,
  });
  const verbs = ((await log.json()) as { items: { verb: string }[] }).items.map((e) => e.verb);
  expect(verbs).toEqual(expect.arrayContaining(['deliverable_submitted', 'message_posted']));
  expect(errors).toEqual([]);
});
