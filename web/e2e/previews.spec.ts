import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, logInWithCode, screenshots, staffToken } from './support/helpers';

/** A 96×48 picture: two swatches of the studio's palette. */
const SWATCHES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAGAAAAAwCAIAAABhdOiYAAAAbklEQVR4nO3QQRHAIAADMBxhBQN4wwwicDMXax+5i4KMuVeVd0+VER8RJEiQoCLxEUGCBAkqIkiQIEGCBAkSJKhEfESQIEGCiggSJEiQIEGCBAkqER8RJEiQoCKCBAkSJEiQIEGCSsRHBAkS9KcPDMfrliTwXvMAAAAASUVORK5CYII=',
  'base64',
);

/** A fresh client whose project has a submitted deliverable with an image, and a thread. */
async function arrange(request: APIRequestContext) {
  const token = await staffToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  const send = async (path: string, data?: unknown) => {
    const res = await request.post(path, { headers, data });
    expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as { id: string };
  };
  const email = `noa.${Date.now()}@example.com`;
  const client = await send('/api/v1/clients', { name: 'Noa Berg', email });
  const project = await send('/api/v1/projects', {
    client_id: client.id,
    name: 'Shop signage',
    status: 'active',
  });
  const deliverable = await send(`/api/v1/projects/${project.id}/deliverables`, { title: 'Colour study' });
  // A real PDF: a demo quote's, as the server renders it.
  const quotes = (await (await request.get('/api/v1/quotes', { headers })).json()) as {
    items: { id: string }[];
  };
  const pdf = await (await request.get(`/api/v1/quotes/${quotes.items[0]!.id}/pdf`, { headers })).body();
  for (const [name, mimeType, buffer] of [
    ['swatches.png', 'image/png', SWATCHES],
    ['proposal.pdf', 'application/pdf', pdf],
  ] as const) {
    const res = await request.post(`/api/v1/projects/${project.id}/files`, {
      headers,
      multipart: { deliverable_id: deliverable.id, file: { name, mimeType, buffer } },
    });
    expect(res.status(), await res.text()).toBe(201);
    expect((await res.json()).thumbnail).toBe(name.endsWith('.png'));
  }
  await send(`/api/v1/deliverables/${deliverable.id}/submit`, {});
  await send(`/api/v1/projects/${project.id}/threads`, {
    title: 'Sign sizes',
    body: 'Which wall is it for?',
  });
  return { email, project, headers };
}

test('a client previews an image deliverable, approves it, and sends a photo in a message', async ({
  page,
}) => {
  const data = await arrange(page.request);
  const base = `${DEMO}/projects/${data.project.id}`;
  await page.goto(`${DEMO}/login`);
  await logInWithCode(page, data.email);
  await expect(page.getByRole('link', { name: '1 Waiting for your approval' })).toBeVisible();

  // The deliverable shows the picture's thumbnail; it opens full size over the page.
  await page.goto(`${base}/deliverables`);
  const thumb = page.getByTestId('file-thumbnail').first();
  await expect(thumb).toBeVisible();
  expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(96);
  await page.getByRole('button', { name: 'Preview swatches.png' }).click();
  const dialog = page.getByRole('dialog', { name: 'swatches.png' });
  const full = dialog.getByRole('img', { name: 'swatches.png' });
  await expect(full).toBeVisible();
  await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(96);
  await screenshots(page, 'portal-preview-lightbox');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Preview swatches.png' })).toBeFocused();

  // The PDF opens in the browser's own viewer, inside the page.
  await page.getByRole('button', { name: 'Preview proposal.pdf' }).click();
  const viewer = page.getByRole('dialog', { name: 'proposal.pdf' });
  await expect(viewer.locator('iframe[title="proposal.pdf"]')).toBeVisible();
  await expect
    .poll(() => page.frames().some((f) => f.url().startsWith('chrome-extension://')), {
      message: "Chrome's PDF viewer starts in the frame",
    })
    .toBe(true);
  await screenshots(page, 'portal-preview-pdf');
  await viewer.getByRole('button', { name: 'Close' }).click();
  await expect(viewer).toHaveCount(0);

  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('button', { name: 'Yes, approve' }).click();
  await expect(page.getByText('“Colour study” approved')).toBeVisible();

  // A reply with a photo: the team receives it with the message, with its thumbnail.
  await page.goto(`${base}/messages`);
  await page.getByRole('link', { name: /Sign sizes/ }).click();
  await page.getByLabel('Your reply').fill('The north wall, here is a photo.');
  await page.getByLabel('Attach files').setInputFiles({
    name: 'north-wall.png',
    mimeType: 'image/png',
    buffer: SWATCHES,
  });
  await expect(page.getByRole('list', { name: 'Files to send' }).getByText('north-wall.png')).toBeVisible();
  await page.getByRole('button', { name: 'Send reply' }).click();
  const posts = page.getByRole('list', { name: 'Messages' });
  await expect(posts.getByText('The north wall, here is a photo.')).toBeVisible();
  await expect(posts.getByRole('button', { name: 'Preview north-wall.png' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Files to send' })).toHaveCount(0);
  await screenshots(page, 'portal-thread-attachment');

  const threads = await page.request.get(`/api/v1/projects/${data.project.id}/threads`, {
    headers: data.headers,
  });
  const thread = ((await threads.json()) as { items: { id: string }[] }).items[0];
  const messages = await page.request.get(`/api/v1/threads/${thread.id}/messages`, { headers: data.headers });
  const items = (
    (await messages.json()) as { items: { attachments: { name: string; thumbnail: boolean }[] }[] }
  ).items;
  expect(items.at(-1)?.attachments).toEqual([
    expect.objectContaining({ name: 'north-wall.png', thumbnail: true }),
  ]);
});
