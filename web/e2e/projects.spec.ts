import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, logInWithCode, nextMail, OWNER, screenshots, staffToken } from './support/helpers';

const FLOOR_PLAN = 'Kitchen floor plan, version 1: island 2.4 m, pantry on the north wall.';

/** A fresh client with a project under way: tasks, a shared and an internal file, a thread, a submitted deliverable. */
async function arrange(request: APIRequestContext) {
  const token = await staffToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  const send = async (method: 'post' | 'patch', path: string, data?: unknown) => {
    const res = await request[method](path, { headers, data });
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as { id: string };
  };
  const email = `lena.${Date.now()}@example.com`;
  const client = await send('post', '/api/v1/clients', { name: 'Lena Hoffmann', email });
  const project = await send('post', '/api/v1/projects', {
    client_id: client.id,
    name: 'Kitchen redesign',
    description: 'A **warm** kitchen, see [the brief](https://example.com/brief). <b>not bold</b>',
    status: 'active',
    client_uploads: true,
  });
  for (const [title, status] of [
    ['Site survey', 'done'],
    ['Concept boards', 'in_progress'],
    ['Finishes and fittings', 'todo'],
  ]) {
    await send('post', `/api/v1/projects/${project.id}/tasks`, { title, status });
  }
  const upload = async (name: string, text: string, visible: boolean) => {
    const res = await request.post(`/api/v1/projects/${project.id}/files`, {
      headers,
      multipart: {
        client_visible: String(visible),
        file: { name, mimeType: 'text/plain', buffer: Buffer.from(text) },
      },
    });
    expect(res.status(), await res.text()).toBe(201);
  };
  await upload('floor-plan.txt', FLOOR_PLAN, true);
  await upload('supplier-margins.txt', 'internal', false);
  await send('post', `/api/v1/projects/${project.id}/threads`, {
    title: 'Design feedback',
    body: 'The first concept boards are up. Tell us what you think.',
  });
  await send('post', `/api/v1/projects/${project.id}/threads`, {
    title: 'Budget (team only)',
    body: 'Keep the quote under 18k.',
    internal: true,
  });
  const deliverable = await send('post', `/api/v1/projects/${project.id}/deliverables`, {
    title: 'Concept boards',
    description: 'Two directions: warm oak, and white with brass.',
  });
  await send('post', `/api/v1/deliverables/${deliverable.id}/submit`, {});
  return { email, project, deliverable, headers, send };
}

test('a client downloads a file, asks for changes, replies, approves the resubmission and rates the project', async ({
  page,
}) => {
  const data = await arrange(page.request);
  const base = `${DEMO}/projects/${data.project.id}`;

  await page.goto(`${DEMO}/login`);
  await logInWithCode(page, data.email);
  await expect(page.getByRole('link', { name: '1 Waiting for your approval' })).toBeVisible();

  // The project, its progress and the read-only board.
  await page.getByRole('navigation').getByRole('link', { name: 'Projects' }).first().click();
  await expect(page.getByRole('progressbar', { name: 'Progress of Kitchen redesign' })).toHaveAttribute(
    'aria-valuenow',
    '33',
  );
  await page.getByRole('link', { name: 'Kitchen redesign' }).click();
  await expect(page.getByRole('heading', { name: 'Kitchen redesign' })).toBeVisible();
  await expect(page.getByText('Finishes and fittings')).toBeVisible();
  // The description is Markdown, as everywhere: bold and a link, any HTML shown as text.
  const about = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'About this project' }) });
  await expect(about.locator('strong', { hasText: 'warm' })).toBeVisible();
  await expect(about.getByRole('link', { name: 'the brief' })).toHaveAttribute(
    'href',
    'https://example.com/brief',
  );
  await expect(about).not.toContainText('**');
  await expect(about).toContainText('<b>not bold</b>');
  await screenshots(page, 'project-board');

  // On a phone the tab row scrolls on its own, fades where there is more, and the page does not.
  await page.setViewportSize({ width: 390, height: 844 });
  const tabs = page.getByRole('tablist', { name: 'Project sections' });
  const row = await tabs.evaluate((el) => el.scrollWidth - el.clientWidth);
  if (row > 0) await expect(page.getByTestId('tabs-more-end')).toBeVisible();
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  await tabs.getByRole('tab').last().click();
  await expect(tabs.getByRole('tab').last()).toBeInViewport();
  await screenshots(page, 'project-tabs-phone');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(base);

  // Files: the shared one downloads with its name and bytes; the internal one is not there.
  await page.getByRole('tab', { name: 'Files' }).click();
  await expect(page.getByText('floor-plan.txt')).toBeVisible();
  await expect(page.getByText('supplier-margins.txt')).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download floor-plan.txt' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('floor-plan.txt');
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString()).toBe(FLOOR_PLAN);

  // Deliverables: ask for changes, with the comment the form requires.
  const since = Date.now();
  await page.getByRole('tab', { name: 'Deliverables' }).click();
  await page.getByRole('button', { name: 'Request changes' }).click();
  await page.getByRole('button', { name: 'Send change request' }).click();
  await expect(page.getByText('Write what should change')).toBeVisible();
  await page.getByLabel('What should change?').fill('Warmer lighting on the oak board, please.');
  await page.getByRole('button', { name: 'Send change request' }).click();
  await expect(page.getByText('Change request sent')).toBeVisible();
  await expect(page.getByText('Warmer lighting on the oak board, please.')).toBeVisible();
  const notice = await nextMail(page.request, OWNER, since);
  expect(notice.body).toContain('Warmer lighting on the oak board');
  await screenshots(page, 'project-deliverables');

  // Messages: the internal thread is not there; reply in the shared one.
  await page.getByRole('tab', { name: 'Messages' }).click();
  await expect(page.getByText('Budget (team only)')).toHaveCount(0);
  await page.getByRole('link', { name: /Design feedback/ }).click();
  await expect(page.getByText('The first concept boards are up.')).toBeVisible();
  await page
    .getByLabel('Your reply')
    .fill('Love the oak direction.\nCan we see it with **matt black** handles?');
  await page.getByRole('button', { name: 'Send reply' }).click();
  const posts = page.getByRole('list', { name: 'Messages' });
  await expect(posts.getByText('Love the oak direction.')).toBeVisible();
  await expect(posts.locator('strong', { hasText: 'matt black' })).toBeVisible();
  await expect(posts).not.toContainText('**');
  await screenshots(page, 'project-thread');

  // Staff resubmit; the client approves round two.
  await data.send('post', `/api/v1/deliverables/${data.deliverable.id}/submit`, {
    note: 'Warmer light added.',
  });
  await page.goto(`${base}/deliverables`);
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('button', { name: 'Yes, approve' }).click();
  await expect(page.getByText('“Concept boards” approved')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  // Staff complete the project and ask for feedback; the client rates it, once.
  await data.send('patch', `/api/v1/projects/${data.project.id}`, { status: 'completed' });
  await data.send('post', `/api/v1/projects/${data.project.id}/feedback-request`);
  await page.goto(base);
  await page.getByLabel('4 stars').check({ force: true });
  await page.getByLabel('Anything you would like to add? (optional)').fill('Lovely to work with.');
  await page.getByRole('button', { name: 'Send rating' }).click();
  await expect(page.getByRole('img', { name: '4 out of 5 stars' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Send rating' })).toHaveCount(0);
  await screenshots(page, 'project-rated');

  // Staff see the rating in the project's activity.
  const log = await page.request.get(`/api/v1/projects/${data.project.id}/activity`, {
    headers: data.headers,
  });
  const entries = ((await log.json()) as { items: { verb: string; data: { rating?: number } }[] }).items;
  expect(entries.find((e) => e.verb === 'feedback_submitted')?.data.rating).toBe(4);
});
