import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { problem, renderAt, requestsOf, stubApi } from '@/test/testing';
import { base, client, inPortal, projectDetail } from './fixtures';
import { FilesPage } from './FilesPage';
import { openUrl } from '@/lib/navigate';

vi.mock('@/lib/navigate', () => ({ openUrl: vi.fn() }));

// Pages load in steps (the project, then its part); a busy machine needs more than a second.
configure({ asyncUtilTimeout: 4000 });

const routes = [{ path: `${base}/projects/:id/files`, element: inPortal(<FilesPage />) }];

const brief = {
  id: 'fl_1',
  deliverable_id: null,
  name: 'brand-brief.txt',
  content_type: 'text/plain',
  size: 2048,
  sha256: 'ab'.repeat(32),
  uploaded_by_you: false,
  created_at: '2026-11-12T09:30:00Z',
};

afterEach(() => vi.mocked(openUrl).mockClear());

it('downloads a file through a short-lived link the browser follows', async () => {
  const fetch = stubApi({
    'GET /api/v1/portal/me': { body: client },
    'GET /api/v1/portal/projects/pr_1': { body: projectDetail },
    'GET /api/v1/portal/projects/pr_1/files': { body: { items: [brief] } },
    'GET /api/v1/portal/files/fl_1/link': {
      body: { url: '/api/v1/files/fl_1/content?token=t0k3n', expires_at: '2026-11-25T20:05:00Z' },
    },
  });
  const user = userEvent.setup();
  renderAt(`${base}/projects/pr_1/files`, routes);

  const row = (await screen.findByText('brand-brief.txt')).closest('tr')!;
  expect(within(row).getByText('2 KB')).toBeVisible();
  expect(within(row).getByText('12 Nov 2026, 10:30')).toBeVisible();
  await user.click(within(row).getByRole('button', { name: 'Download brand-brief.txt' }));

  await waitFor(() => expect(openUrl).toHaveBeenCalledWith('/api/v1/files/fl_1/content?token=t0k3n'));
  expect(requestsOf(fetch)).toContain('GET /api/v1/portal/files/fl_1/link');
});

it('uploads a file as multipart when the project allows it, and shows a 413’s reason', async () => {
  let uploads = 0;
  const append = vi.spyOn(FormData.prototype, 'append');
  const fetch = stubApi({
    'GET /api/v1/portal/me': { body: client },
    'GET /api/v1/portal/projects/pr_1': { body: projectDetail },
    'GET /api/v1/portal/projects/pr_1/files': () => ({
      body: { items: uploads ? [{ ...brief, id: 'fl_2', name: 'photo.jpg', uploaded_by_you: true }] : [] },
    }),
    'POST /api/v1/portal/projects/pr_1/files': () =>
      ++uploads === 1
        ? problem(413, 'Files may be at most 25 MB.')
        : { status: 201, body: { ...brief, id: 'fl_2', name: 'photo.jpg', uploaded_by_you: true } },
  });
  const user = userEvent.setup();
  renderAt(`${base}/projects/pr_1/files`, routes);

  expect(await screen.findByText('No files yet')).toBeVisible();
  const input = screen.getByLabelText('File');
  await user.upload(input, new File(['x'.repeat(10)], 'photo.jpg', { type: 'image/jpeg' }));
  await user.click(screen.getByRole('button', { name: 'Upload' }));
  await waitFor(() => expect(input).toHaveAccessibleDescription('Files may be at most 25 MB.'));

  await user.click(screen.getByRole('button', { name: 'Upload' }));
  expect(await screen.findByText('“photo.jpg” uploaded — Lumen Design Studio can see it now.')).toBeVisible();
  expect(await screen.findByText('from you')).toBeVisible();

  const post = fetch.mock.calls.map(([r]) => r as Request).find((r) => r.method === 'POST')!;
  expect(post.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
  // (jsdom's File cannot be read back through undici's Request, so the form is checked as it is built.)
  expect(append).toHaveBeenCalledWith('file', expect.objectContaining({ name: 'photo.jpg' }), 'photo.jpg');
  append.mockRestore();
});

it('has no upload form when the project does not take client files', async () => {
  stubApi({
    'GET /api/v1/portal/me': { body: client },
    'GET /api/v1/portal/projects/pr_1': { body: { ...projectDetail, client_uploads: false } },
    'GET /api/v1/portal/projects/pr_1/files': { body: { items: [] } },
  });
  renderAt(`${base}/projects/pr_1/files`, routes);
  expect(await screen.findByText('No files yet')).toBeVisible();
  expect(screen.queryByRole('button', { name: 'Upload' })).toBeNull();
});
