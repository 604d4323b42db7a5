import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aFile, anImageFile, aPdfFile, aProjectDetail, previewStubs, stubObjectUrls, team } from './fixtures';
import { ProjectDetailPage } from './ProjectDetailPage';
import { me, renderAt, requestsOf, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/projects/:id/*', element: <ProjectDetailPage /> }];
const common = {
  'GET /api/v1/me': { body: me },
  'GET /api/v1/tenant': { body: tenant },
  'GET /api/v1/staff': { body: team },
  'GET /api/v1/projects/pr_1': { body: aProjectDetail() },
  'GET /api/v1/projects/pr_1/files': {
    body: { items: [aFile(), aFile({ id: 'fl_2', name: 'logo.svg', client_visible: true, size: 14_300 })] },
  },
};

describe('Project files', () => {
  it('marks internal files, and toggles visibility with a PATCH', async () => {
    const patches: unknown[] = [];
    stubApi({
      ...common,
      'PATCH /api/v1/files/fl_1': async (request) => {
        const body = (await request.json()) as { client_visible: boolean };
        patches.push(body);
        return { body: aFile({ client_visible: body.client_visible }) };
      },
    });
    renderAt('/app/projects/pr_1/files', page);

    const brief = await screen.findByRole('listitem', { name: 'brand-brief.txt' });
    expect(within(brief).getByText('Internal')).toBeInTheDocument();
    const logo = screen.getByRole('listitem', { name: 'logo.svg' });
    expect(within(logo).getByText('Shared')).toBeInTheDocument();
    expect(within(logo).getByText(/14 KB/)).toBeInTheDocument();

    const toggle = within(brief).getByRole('checkbox', { name: 'Visible to the client: brand-brief.txt' });
    expect(toggle).not.toBeChecked();
    await userEvent.click(toggle);
    expect(await screen.findByText('“brand-brief.txt” is now visible to Maria Lopez')).toBeInTheDocument();
    expect(patches).toEqual([{ client_visible: true }]);
    expect(within(brief).getByText('Shared')).toBeInTheDocument();
  });

  it('uploads as multipart with the visibility chosen, and deletes after asking', async () => {
    // jsdom's FormData and File cannot be read back from a Request here, so the test watches
    // what goes into the form instead.
    const append = vi.spyOn(FormData.prototype, 'append');
    const pdf = new File(['%PDF-1.7'], 'notes.pdf', { type: 'application/pdf' });
    let contentType: string | null = null;
    const fetch = stubApi({
      ...common,
      'POST /api/v1/projects/pr_1/files': async (request) => {
        contentType = request.headers.get('content-type');
        return { status: 201, body: aFile({ id: 'fl_3', name: 'notes.pdf', client_visible: true }) };
      },
      'DELETE /api/v1/files/fl_2': { status: 204 },
      'GET /api/v1/files/fl_2/link': {
        body: { url: '/api/v1/files/fl_2/content?token=t', expires_at: '2026-11-25T10:05:00Z' },
      },
    });
    renderAt('/app/projects/pr_1/files', page);
    await screen.findByRole('listitem', { name: 'logo.svg' });

    await userEvent.upload(screen.getByLabelText('File'), pdf);
    await userEvent.click(screen.getByRole('checkbox', { name: /internal files only your team sees/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(
      await screen.findByText('“notes.pdf” uploaded — Maria Lopez can see it in the portal'),
    ).toBeInTheDocument();
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(append.mock.calls).toEqual([
      ['client_visible', 'true'],
      ['file', pdf],
    ]);
    append.mockRestore();

    const logo = screen.getByRole('listitem', { name: 'logo.svg' });
    await userEvent.click(within(logo).getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(requestsOf(fetch)).toContain('GET /api/v1/files/fl_2/link'));

    await userEvent.click(within(logo).getByRole('button', { name: 'Delete' }));
    await userEvent.click(within(logo).getByRole('button', { name: 'Delete file' }));
    expect(await screen.findByText('“logo.svg” deleted')).toBeInTheDocument();
    expect(requestsOf(fetch)).toContain('DELETE /api/v1/files/fl_2');
  });

  it('previews an image in a dialog from its thumbnail; a text file has none', async () => {
    onTestFinished(stubObjectUrls());
    const fetch = stubApi({
      ...common,
      'GET /api/v1/projects/pr_1/files': {
        body: { items: [aFile(), anImageFile({ message_id: 'ms_1' }), aPdfFile()] },
      },
      ...previewStubs('fl_4'),
      ...previewStubs('fl_5'),
    });
    renderAt('/app/projects/pr_1/files', page);

    const brief = await screen.findByRole('listitem', { name: 'brand-brief.txt' });
    expect(within(brief).queryByRole('button', { name: /^Preview/ })).not.toBeInTheDocument();
    expect(within(brief).queryByText('Sent in a message')).not.toBeInTheDocument();
    const pdf = screen.getByRole('listitem', { name: 'logo-concepts.pdf' });
    expect(within(pdf).getByRole('button', { name: 'Preview logo-concepts.pdf' })).toBeInTheDocument();

    const image = screen.getByRole('listitem', { name: 'moodboard.png' });
    expect(within(image).getByText('Sent in a message')).toBeInTheDocument();
    const preview = within(image).getByRole('button', { name: 'Preview moodboard.png' });
    expect(await within(preview).findByTestId('file-thumbnail')).toHaveAttribute(
      'src',
      expect.stringMatching(/^blob:/),
    );
    expect(requestsOf(fetch)).toContain('GET /api/v1/files/fl_4/thumbnail');

    await userEvent.click(preview);
    const dialog = screen.getByRole('dialog', { name: 'moodboard.png' });
    const full = await within(dialog).findByRole('img', { name: 'moodboard.png' });
    expect(full).toHaveAttribute('src', '/api/v1/files/fl_4/content?token=t&disposition=inline');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
