import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { problem, renderAt, requestsOf, stubApi } from '@/test/testing';
import { base, client, inPortal, previewStubs, projectDetail, sharedFiles, stubObjectUrls } from './fixtures';
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

describe('previews', () => {
  // Until the last page unmounts (its thumbnails let their addresses go then).
  let restore: () => void;
  beforeAll(() => {
    restore = stubObjectUrls();
  });
  afterAll(() => restore());

  const stubs = () =>
    stubApi({
      'GET /api/v1/portal/me': { body: client },
      'GET /api/v1/portal/projects/pr_1': { body: projectDetail },
      'GET /api/v1/portal/projects/pr_1/files': { body: { items: sharedFiles } },
      ...previewStubs('fl_1', 'fl_3', 'fl_8'),
    });

  it('shows an image’s thumbnail and opens it over the page, then gives focus back', async () => {
    const fetch = stubs();
    const user = userEvent.setup();
    renderAt(`${base}/projects/pr_1/files`, routes);

    const row = (await screen.findByText('swatches.png')).closest('tr')!;
    await waitFor(() =>
      expect(within(row).getByTestId('file-thumbnail')).toHaveAttribute(
        'src',
        expect.stringMatching(/^blob:/),
      ),
    );
    expect(requestsOf(fetch)).toContain('GET /api/v1/portal/files/fl_3/thumbnail');
    const open = within(row).getByRole('button', { name: 'Preview swatches.png' });
    await user.click(open);

    const dialog = screen.getByRole('dialog', { name: 'swatches.png' });
    expect(await within(dialog).findByRole('img', { name: 'swatches.png' })).toHaveAttribute(
      'src',
      '/api/v1/files/fl_3/content?token=t0k3n&disposition=inline',
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(open).toHaveFocus();
    // Downloading stays where it was, beside the preview.
    expect(within(row).getByRole('button', { name: 'Download swatches.png' })).toBeVisible();
  });

  it('opens a PDF in the browser’s viewer', async () => {
    stubs();
    const user = userEvent.setup();
    renderAt(`${base}/projects/pr_1/files`, routes);
    const row = (await screen.findByText('print-proof.pdf')).closest('tr')!;
    expect(within(row).getByText('PDF')).toBeVisible();
    await user.click(within(row).getByRole('button', { name: 'Preview print-proof.pdf' }));
    const dialog = screen.getByRole('dialog', { name: 'print-proof.pdf' });
    expect(await within(dialog).findByTitle('print-proof.pdf')).toHaveAttribute(
      'src',
      '/api/v1/files/fl_8/content?token=t0k3n&disposition=inline',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('offers no preview of a text file, only its download', async () => {
    const fetch = stubs();
    renderAt(`${base}/projects/pr_1/files`, routes);
    const row = (await screen.findByText('brand-brief.txt')).closest('tr')!;
    expect(within(row).getByText('TXT')).toBeVisible();
    expect(within(row).queryByRole('button', { name: /Preview/ })).toBeNull();
    expect(within(row).getByRole('button', { name: 'Download brand-brief.txt' })).toBeVisible();
    expect(requestsOf(fetch)).not.toContain('GET /api/v1/portal/files/fl_1/thumbnail');
  });
});
