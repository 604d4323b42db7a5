import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt, requestsOf, stubApi, type ApiStubs } from '@/test/testing';
import {
  attachments,
  base,
  client,
  inPortal,
  messages,
  previewStubs,
  projectDetail,
  stubObjectUrls,
  thread,
} from './fixtures';
import { MessagesPage } from './MessagesPage';
import { ThreadPage } from './ThreadPage';

// Pages load in steps (the project, then its part); a busy machine needs more than a second.
configure({ asyncUtilTimeout: 4000 });

const routes = [
  { path: `${base}/projects/:id/messages`, element: inPortal(<MessagesPage />) },
  { path: `${base}/projects/:id/messages/:threadId`, element: inPortal(<ThreadPage />) },
];

// The thumbnails' pictures get object URLs, which jsdom lacks.
let restoreUrls: () => void;
beforeAll(() => {
  restoreUrls = stubObjectUrls();
});
afterAll(() => restoreUrls());

function stubs(me = client, project = projectDetail, extra: ApiStubs = {}) {
  let items = [...messages];
  let unread = 1;
  return stubApi({
    'GET /api/v1/portal/me': { body: me },
    'GET /api/v1/portal/projects/pr_1': { body: project },
    'GET /api/v1/portal/projects/pr_1/threads': () => ({
      body: { items: [{ ...thread, unread_count: unread }] },
    }),
    'GET /api/v1/portal/threads/th_1/messages': () => ({ body: { items, next_cursor: null } }),
    'POST /api/v1/portal/threads/th_1/read': () => {
      unread = 0;
      return { status: 204 };
    },
    'POST /api/v1/portal/threads/th_1/messages': async (request) => {
      const { body } = (await request.clone().json()) as { body: string };
      const message = { ...messages[0]!, id: 'ms_3', body, created_at: '2026-11-25T19:00:00Z' };
      items = [...items, message];
      return { status: 201, body: message };
    },
    'POST /api/v1/portal/projects/pr_1/threads': async (request) => {
      const { title, body } = (await request.clone().json()) as { title: string; body: string };
      return {
        status: 201,
        body: {
          ...thread,
          id: 'th_2',
          title,
          unread_count: 0,
          message: { ...messages[0]!, id: 'ms_9', thread_id: 'th_2', body },
        },
      };
    },
    ...extra,
  });
}

/** The JSON bodies of the POSTs to `path`, in order. */
async function postsTo(fetch: ReturnType<typeof stubApi>, path: string) {
  const posts = fetch.mock.calls
    .map(([r]) => r as Request)
    .filter((r) => r.method === 'POST' && new URL(r.url).pathname === path);
  return Promise.all(posts.map((r) => r.clone().json() as Promise<unknown>));
}

/** The server's answer to an upload: the file, waiting for a message. */
const uploaded = {
  id: 'fl_9',
  name: 'photo.jpg',
  content_type: 'image/jpeg',
  size: 10,
  preview: 'image' as const,
  thumbnail: true,
};

it('lists threads with unread badges and excerpts', async () => {
  stubs();
  renderAt(`${base}/projects/pr_1/messages`, routes);
  const link = await screen.findByRole('link', { name: /Design feedback/ });
  expect(link).toHaveAttribute('href', `${base}/projects/pr_1/messages/th_1`);
  expect(within(link).getByText(/1 new/)).toHaveTextContent('1 new message');
  expect(within(link).getByText('Here is the second round, with the warmer red.')).toBeVisible();
  expect(screen.getByRole('tab', { name: 'Messages' })).toHaveAttribute('aria-selected', 'true');
});

it('opens a thread as plain text, marks it read, and sends a reply', async () => {
  const fetch = stubs();
  const user = userEvent.setup();
  renderAt(`${base}/projects/pr_1/messages/th_1`, routes);

  expect(await screen.findByRole('heading', { name: 'Design feedback' })).toBeVisible();
  const list = screen.getByRole('list', { name: 'Messages' });
  const [first, second] = within(list).getAllByRole('listitem');
  expect(first).toHaveTextContent('You');
  expect(first).toHaveTextContent('Could the red be warmer?');
  expect(second).toHaveTextContent('Anna Weber');
  // Line breaks kept, markup shown as the text it is.
  const body = within(second!).getByText(/Here is the second round/);
  expect(body.textContent).toBe('Here is the second round,\nwith the warmer red. <b>not bold</b>');
  expect(body.querySelector('b')).toBeNull();
  await waitFor(() => expect(requestsOf(fetch)).toContain('POST /api/v1/portal/threads/th_1/read'));

  await user.click(screen.getByRole('button', { name: 'Send reply' }));
  expect(screen.getByRole('textbox', { name: 'Your reply' })).toHaveAccessibleDescription(
    'Write your reply first.',
  );
  await user.type(screen.getByRole('textbox', { name: 'Your reply' }), 'Perfect,{enter}thank you!');
  await user.click(screen.getByRole('button', { name: 'Send reply' }));

  expect(await screen.findByText('Reply sent — Lumen Design Studio has been told.')).toBeVisible();
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
  expect(screen.getByRole('textbox', { name: 'Your reply' })).toHaveValue('');
  const post = fetch.mock.calls
    .map(([r]) => r as Request)
    .find((r) => r.method === 'POST' && r.url.endsWith('/th_1/messages'))!;
  expect(await post.clone().json()).toEqual({ body: 'Perfect,\nthank you!' });

  await user.click(screen.getByRole('link', { name: '← All threads' }));
  const link = await screen.findByRole('link', { name: /Design feedback/ });
  await waitFor(() => expect(within(link).queryByText(/new/)).toBeNull());
});

it('neither marks read nor offers a reply to staff viewing as the client', async () => {
  const fetch = stubs({ ...client, impersonated: true });
  renderAt(`${base}/projects/pr_1/messages/th_1`, routes);
  expect(await screen.findByText('Could the red be warmer?')).toBeVisible();
  await new Promise((r) => setTimeout(r, 50));
  expect(requestsOf(fetch)).not.toContain('POST /api/v1/portal/threads/th_1/read');
  expect(screen.queryByRole('textbox', { name: 'Your reply' })).toBeNull();
  expect(screen.queryByLabelText('Attach files')).toBeNull();
});

it('starts a new thread and opens it', async () => {
  const fetch = stubs();
  const user = userEvent.setup();
  renderAt(`${base}/projects/pr_1/messages`, routes);
  await user.click(await screen.findByRole('button', { name: 'New thread' }));
  await user.click(screen.getByRole('button', { name: 'Send' }));
  expect(screen.getByRole('textbox', { name: 'Subject' })).toHaveAccessibleDescription(
    'Give the thread a subject.',
  );
  await user.type(screen.getByRole('textbox', { name: 'Subject' }), 'Printing');
  await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Which paper?');
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(() =>
    expect(screen.getByTestId('address')).toHaveTextContent(`${base}/projects/pr_1/messages/th_2`),
  );
  expect(requestsOf(fetch)).toContain('POST /api/v1/portal/projects/pr_1/threads');
});

it('shows each message as Markdown, never as raw asterisks or live HTML', async () => {
  stubApi({
    'GET /api/v1/portal/me': { body: client },
    'GET /api/v1/portal/projects/pr_1': { body: projectDetail },
    'GET /api/v1/portal/projects/pr_1/threads': { body: { items: [thread] } },
    'GET /api/v1/portal/threads/th_1/messages': {
      body: {
        items: [{ ...messages[1]!, body: '**Bold** and a [link](https://example.com) <script>x()</script>' }],
        next_cursor: null,
      },
    },
    'POST /api/v1/portal/threads/th_1/read': { status: 204 },
  });
  renderAt(`${base}/projects/pr_1/messages/th_1`, routes);

  const list = await screen.findByRole('list', { name: 'Messages' });
  const [post] = within(list).getAllByRole('listitem');
  expect(within(post!).getByText('Bold').tagName).toBe('STRONG');
  expect(within(post!).getByRole('link', { name: 'link' })).toHaveAttribute('href', 'https://example.com');
  expect(post).not.toHaveTextContent('**');
  expect(post).toHaveTextContent('<script>x()</script>');
  expect(post!.querySelector('script')).toBeNull();
  expect(screen.getByRole('textbox', { name: 'Your reply' })).toHaveAccessibleDescription(
    'Markdown: **bold**, *italic*, lists, links.',
  );
});

it('lists the files sent with each message, to preview or download', async () => {
  const user = userEvent.setup();
  stubApi({
    'GET /api/v1/portal/me': { body: client },
    'GET /api/v1/portal/projects/pr_1': { body: projectDetail },
    'GET /api/v1/portal/projects/pr_1/threads': { body: { items: [thread] } },
    'GET /api/v1/portal/threads/th_1/messages': {
      body: { items: [messages[0]!, { ...messages[1]!, attachments }], next_cursor: null },
    },
    'POST /api/v1/portal/threads/th_1/read': { status: 204 },
    ...previewStubs('fl_7', 'fl_8'),
  });
  renderAt(`${base}/projects/pr_1/messages/th_1`, routes);

  const second = (await screen.findByText(/Here is the second round/)).closest('li')!;
  const files = within(second).getByRole('list', { name: '2 attached files' });
  expect(within(files).getByRole('listitem', { name: 'red-round-2.png' })).toBeVisible();
  expect(within(files).getByRole('listitem', { name: 'print-proof.pdf' })).toBeVisible();
  expect(within(files).getByRole('button', { name: 'Download print-proof.pdf' })).toBeVisible();
  expect(screen.getByText('Could the red be warmer?').closest('li')).not.toContainElement(files);
  // A message without files lists none.
  expect(screen.getAllByRole('list', { name: /attached file/ })).toHaveLength(1);

  await waitFor(() => expect(within(files).getByTestId('file-thumbnail')).toBeVisible());
  await user.click(within(files).getByRole('button', { name: 'Preview red-round-2.png' }));
  const dialog = screen.getByRole('dialog', { name: 'red-round-2.png' });
  expect(await within(dialog).findByRole('img', { name: 'red-round-2.png' })).toHaveAttribute(
    'src',
    '/api/v1/files/fl_7/content?token=t0k3n&disposition=inline',
  );
});

it('uploads an attached file, then sends its id with the reply, even when uploads are off', async () => {
  const append = vi.spyOn(FormData.prototype, 'append');
  const order: string[] = [];
  const fetch = stubs(
    client,
    { ...projectDetail, client_uploads: false },
    {
      'POST /api/v1/portal/projects/pr_1/attachments': () => {
        order.push('upload');
        return { status: 201, body: uploaded };
      },
      'POST /api/v1/portal/threads/th_1/messages': () => {
        order.push('message');
        return {
          status: 201,
          body: { ...messages[0]!, id: 'ms_3', body: 'The photo', attachments: [uploaded] },
        };
      },
    },
  );
  const user = userEvent.setup();
  renderAt(`${base}/projects/pr_1/messages/th_1`, routes);

  await user.upload(
    await screen.findByLabelText('Attach files'),
    new File(['x'.repeat(10)], 'photo.jpg', { type: 'image/jpeg' }),
  );
  const toSend = await screen.findByRole('list', { name: 'Files to send' });
  expect(within(toSend).getByText('photo.jpg')).toBeVisible();
  const upload = fetch.mock.calls
    .map(([r]) => r as Request)
    .find((r) => r.method === 'POST' && r.url.endsWith('/pr_1/attachments'))!;
  expect(upload.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
  // (jsdom's File cannot be read back through undici's Request, so the form is checked as it is built.)
  expect(append).toHaveBeenCalledWith('file', expect.objectContaining({ name: 'photo.jpg' }), 'photo.jpg');
  append.mockRestore();

  await user.type(screen.getByRole('textbox', { name: 'Your reply' }), 'The photo');
  await user.click(screen.getByRole('button', { name: 'Send reply' }));

  expect(await screen.findByText('Reply sent — Lumen Design Studio has been told.')).toBeVisible();
  expect(await postsTo(fetch, '/api/v1/portal/threads/th_1/messages')).toEqual([
    { body: 'The photo', attachment_ids: ['fl_9'] },
  ]);
  expect(order).toEqual(['upload', 'message']);
  // Sent: the picker is empty again, ready for the next message.
  expect(screen.queryByRole('list', { name: 'Files to send' })).toBeNull();
  expect(screen.getByRole('textbox', { name: 'Your reply' })).toHaveValue('');
});

it('sends no file that was attached and then removed', async () => {
  const fetch = stubs(client, projectDetail, {
    'POST /api/v1/portal/projects/pr_1/attachments': { status: 201, body: uploaded },
  });
  const user = userEvent.setup();
  renderAt(`${base}/projects/pr_1/messages/th_1`, routes);
  await user.upload(
    await screen.findByLabelText('Attach files'),
    new File(['x'], 'photo.jpg', { type: 'image/jpeg' }),
  );
  await user.click(await screen.findByRole('button', { name: 'Remove photo.jpg' }));
  expect(screen.queryByRole('list', { name: 'Files to send' })).toBeNull();
  await user.type(screen.getByRole('textbox', { name: 'Your reply' }), 'Never mind');
  await user.click(screen.getByRole('button', { name: 'Send reply' }));
  expect(await screen.findByText('Reply sent — Lumen Design Studio has been told.')).toBeVisible();
  expect(await postsTo(fetch, '/api/v1/portal/threads/th_1/messages')).toEqual([{ body: 'Never mind' }]);
});

it('starts a thread with an attached file', async () => {
  const fetch = stubs(client, projectDetail, {
    'POST /api/v1/portal/projects/pr_1/attachments': { status: 201, body: uploaded },
  });
  const user = userEvent.setup();
  renderAt(`${base}/projects/pr_1/messages`, routes);
  await user.click(await screen.findByRole('button', { name: 'New thread' }));
  await user.type(screen.getByRole('textbox', { name: 'Subject' }), 'Printing');
  await user.type(screen.getByRole('textbox', { name: 'Message' }), 'This paper?');
  await user.upload(
    screen.getByLabelText('Attach files'),
    new File(['x'], 'photo.jpg', { type: 'image/jpeg' }),
  );
  expect(
    within(await screen.findByRole('list', { name: 'Files to send' })).getByText('photo.jpg'),
  ).toBeVisible();
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(() =>
    expect(screen.getByTestId('address')).toHaveTextContent(`${base}/projects/pr_1/messages/th_2`),
  );
  expect(await postsTo(fetch, '/api/v1/portal/projects/pr_1/threads')).toEqual([
    { title: 'Printing', body: 'This paper?', attachment_ids: ['fl_9'] },
  ]);
});
