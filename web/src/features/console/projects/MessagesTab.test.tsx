import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  aMessage,
  anAttachment,
  aProjectDetail,
  aThread,
  previewStubs,
  stubObjectUrls,
  team,
} from './fixtures';
import { ProjectDetailPage } from './ProjectDetailPage';
import { me, renderAt, requestsOf, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/projects/:id/*', element: <ProjectDetailPage /> }];
const common = {
  'GET /api/v1/me': { body: me },
  'GET /api/v1/tenant': { body: tenant },
  'GET /api/v1/staff': { body: team },
  'GET /api/v1/projects/pr_1': { body: aProjectDetail() },
  'GET /api/v1/projects/pr_1/threads': { body: { items: [aThread()] } },
};

describe('Project messages', () => {
  it('lists threads with their unread counts', async () => {
    stubApi(common);
    renderAt('/app/projects/pr_1/messages', page);
    const link = await screen.findByRole('link', { name: 'Design feedback' });
    expect(link).toHaveAttribute('href', '/app/projects/pr_1/messages/th_1');
    expect(screen.getByText('1 unread')).toBeInTheDocument();
    expect(screen.getByText('Love the second one!')).toBeInTheDocument();
  });

  it('marks internal notes apart, marks the thread read, and sends a note with internal: true', async () => {
    const posts: unknown[] = [];
    const fetch = stubApi({
      ...common,
      // Two pages, oldest first: the newest message is on the second one.
      'GET /api/v1/threads/th_1/messages': (request) =>
        new URL(request.url).searchParams.get('cursor') === 'c2'
          ? {
              body: {
                items: [
                  aMessage({
                    id: 'ms_3',
                    body: 'Love the second one!',
                    author_kind: 'client',
                    author_id: 'cl_1',
                    author_name: 'Maria Lopez',
                    created_at: '2026-11-21T10:00:00Z',
                  }),
                ],
                next_cursor: null,
              },
            }
          : {
              body: {
                items: [
                  aMessage(),
                  aMessage({
                    id: 'ms_2',
                    body: 'Budget is tight, keep it to two rounds.',
                    internal: true,
                    author_name: 'Ben Ortiz',
                    author_id: 'st_2',
                    created_at: '2026-11-20T11:00:00Z',
                  }),
                ],
                next_cursor: 'c2',
              },
            },
      'POST /api/v1/threads/th_1/read': { status: 204 },
      'POST /api/v1/threads/th_1/messages': async (request) => {
        const body = (await request.json()) as { body: string; internal: boolean };
        posts.push(body);
        return { status: 201, body: aMessage({ id: 'ms_4', ...body, created_at: '2026-11-22T10:00:00Z' }) };
      },
    });
    renderAt('/app/projects/pr_1/messages/th_1', page);

    const note = await screen.findByRole('listitem', { name: 'Internal note from Ben Ortiz' });
    expect(within(note).getByText('Internal')).toBeInTheDocument();
    expect(note.className).toContain('bg-amber-50');
    const reply = await screen.findByRole('listitem', { name: 'Message from Maria Lopez' });
    expect(within(reply).queryByText('Internal')).not.toBeInTheDocument();
    expect(reply.className).not.toContain('amber');
    await waitFor(() => expect(requestsOf(fetch)).toContain('POST /api/v1/threads/th_1/read'));
    // Marked read once the whole thread, down to its newest message, is on screen.
    const requests = requestsOf(fetch);
    expect(requests.indexOf('GET /api/v1/threads/th_1/messages?cursor=c2')).toBeLessThan(
      requests.indexOf('POST /api/v1/threads/th_1/read'),
    );
    expect(requests.filter((r) => r === 'POST /api/v1/threads/th_1/read')).toHaveLength(1);

    await userEvent.click(screen.getByRole('checkbox', { name: 'Internal note (client won’t see it)' }));
    await userEvent.type(screen.getByLabelText('Internal note'), 'Call her before Friday.');
    await userEvent.click(screen.getByRole('button', { name: 'Add internal note' }));
    expect(await screen.findByText('Internal note added — only your team sees it')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Internal note (client won’t see it)' }));
    await userEvent.type(screen.getByLabelText('Reply'), 'Great, I will refine it.');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Message sent — Maria Lopez has been emailed')).toBeInTheDocument();

    expect(posts).toEqual([
      { body: 'Call her before Friday.', internal: true },
      { body: 'Great, I will refine it.', internal: false },
    ]);
  });

  it('starts a thread with an internal first note', async () => {
    const posts: unknown[] = [];
    stubApi({
      ...common,
      'POST /api/v1/projects/pr_1/threads': async (request) => {
        posts.push(await request.json());
        return { status: 201, body: aThread({ id: 'th_2', title: 'Costs' }) };
      },
      'GET /api/v1/threads/th_2/messages': { body: { items: [], next_cursor: null } },
    });
    renderAt('/app/projects/pr_1/messages', page);
    await userEvent.click(await screen.findByRole('button', { name: 'New thread' }));
    await userEvent.type(screen.getByLabelText('Subject'), 'Costs');
    await userEvent.type(screen.getByLabelText('Message'), 'Over budget by 2 h.');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Internal note (client won’t see it)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Start thread' }));
    expect(await screen.findByText('Thread “Costs” started with an internal note')).toBeInTheDocument();
    expect(posts).toEqual([{ title: 'Costs', body: 'Over budget by 2 h.', internal: true }]);
    await waitFor(() =>
      expect(screen.getByTestId('address')).toHaveTextContent('/app/projects/pr_1/messages/th_2'),
    );
  });

  it('lists a message’s attachments, and sends a reply with the file attached', async () => {
    onTestFinished(stubObjectUrls());
    const append = vi.spyOn(FormData.prototype, 'append');
    const pdf = new File(['%PDF-1.7'], 'brief.pdf', { type: 'application/pdf' });
    const posts: unknown[] = [];
    let uploadType: string | null = null;
    const fetch = stubApi({
      ...common,
      ...previewStubs('fl_6'),
      'GET /api/v1/threads/th_1/messages': {
        body: {
          items: [
            aMessage({
              attachments: [
                anAttachment(),
                anAttachment({
                  id: 'fl_7',
                  name: 'notes.txt',
                  content_type: 'text/plain',
                  preview: null,
                  thumbnail: false,
                }),
              ],
            }),
          ],
          next_cursor: null,
        },
      },
      'POST /api/v1/threads/th_1/read': { status: 204 },
      'POST /api/v1/projects/pr_1/attachments': (request) => {
        uploadType = request.headers.get('content-type');
        return {
          status: 201,
          body: anAttachment({
            id: 'fl_8',
            name: 'brief.pdf',
            content_type: 'application/pdf',
            preview: 'pdf',
          }),
        };
      },
      'POST /api/v1/threads/th_1/messages': async (request) => {
        const body = (await request.json()) as { body: string; internal: boolean };
        posts.push(body);
        return { status: 201, body: aMessage({ id: 'ms_2', ...body }) };
      },
    });
    renderAt('/app/projects/pr_1/messages/th_1', page);

    const message = await screen.findByRole('listitem', { name: 'Message from Anna Weber' });
    const files = within(message).getByRole('list', { name: '2 attached files' });
    expect(within(files).getByRole('button', { name: 'Preview sketch.jpg' })).toBeInTheDocument();
    expect(within(files).getByRole('button', { name: 'Download sketch.jpg' })).toBeInTheDocument();
    expect(within(files).getByRole('button', { name: 'Download notes.txt' })).toBeInTheDocument();
    expect(within(files).queryByRole('button', { name: 'Preview notes.txt' })).not.toBeInTheDocument();

    await userEvent.upload(screen.getByLabelText('Attach files'), pdf);
    const toSend = await screen.findByRole('list', { name: 'Files to send' });
    expect(within(toSend).getByText('brief.pdf')).toBeInTheDocument();
    expect(uploadType).toMatch(/^multipart\/form-data; boundary=/);
    expect(append.mock.calls).toEqual([['file', pdf]]);
    append.mockRestore();

    await userEvent.type(screen.getByLabelText('Reply'), 'The brief, as promised.');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Message sent — Maria Lopez has been emailed')).toBeInTheDocument();
    expect(posts).toEqual([{ body: 'The brief, as promised.', internal: false, attachment_ids: ['fl_8'] }]);
    const requests = requestsOf(fetch);
    expect(requests.indexOf('POST /api/v1/projects/pr_1/attachments')).toBeLessThan(
      requests.indexOf('POST /api/v1/threads/th_1/messages'),
    );
    // Sent: the picker is empty again.
    expect(screen.queryByRole('list', { name: 'Files to send' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Reply')).toHaveValue('');
  });

  it('starts a thread with a file, saying an internal note’s files stay internal', async () => {
    const posts: unknown[] = [];
    stubApi({
      ...common,
      'POST /api/v1/projects/pr_1/attachments': {
        status: 201,
        body: anAttachment({
          id: 'fl_8',
          name: 'costs.csv',
          content_type: 'text/csv',
          preview: null,
          thumbnail: false,
        }),
      },
      'POST /api/v1/projects/pr_1/threads': async (request) => {
        posts.push(await request.json());
        return { status: 201, body: aThread({ id: 'th_2', title: 'Costs' }) };
      },
      'GET /api/v1/threads/th_2/messages': { body: { items: [], next_cursor: null } },
    });
    renderAt('/app/projects/pr_1/messages', page);
    await userEvent.click(await screen.findByRole('button', { name: 'New thread' }));
    await userEvent.type(screen.getByLabelText('Subject'), 'Costs');
    await userEvent.type(screen.getByLabelText('Message'), 'Hours so far.');
    const hint = 'Files attached to an internal note stay internal too: the client won’t see them.';
    expect(screen.queryByText(hint)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Internal note (client won’t see it)' }));
    expect(screen.getByText(hint)).toBeInTheDocument();
    await userEvent.upload(
      screen.getByLabelText('Attach files'),
      new File(['a,b'], 'costs.csv', { type: 'text/csv' }),
    );
    expect(
      within(await screen.findByRole('list', { name: 'Files to send' })).getByText('costs.csv'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Start thread' }));
    expect(await screen.findByText('Thread “Costs” started with an internal note')).toBeInTheDocument();
    expect(posts).toEqual([
      { title: 'Costs', body: 'Hours so far.', internal: true, attachment_ids: ['fl_8'] },
    ]);
  });
});
