import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt, stubApi } from '@/test/testing';
import { DownloadsPage } from './DownloadsPage';
import { base, inPortal } from './fixtures';
import { openUrl } from '@/lib/navigate';

vi.mock('@/lib/navigate', () => ({ openUrl: vi.fn() }));

// Pages load in steps (the project, then its part); a busy machine needs more than a second.
configure({ asyncUtilTimeout: 4000 });

it('lists the client’s products and downloads one through a link', async () => {
  stubApi({
    'GET /api/v1/portal/products': {
      body: {
        items: [
          {
            id: 'pd_1',
            name: 'Brand starter kit',
            description: 'Templates for cards and letters.',
            granted_at: '2026-11-01T09:00:00Z',
            file: {
              id: 'fl_7',
              name: 'starter-kit.zip',
              content_type: 'application/zip',
              size: 1_250_000,
              sha256: 'cd'.repeat(32),
            },
          },
          {
            id: 'pd_2',
            name: 'Font licence',
            description: null,
            granted_at: '2026-11-02T09:00:00Z',
            file: null,
          },
        ],
      },
    },
    'GET /api/v1/portal/files/fl_7/link': {
      body: { url: '/api/v1/files/fl_7/content?token=abc', expires_at: '2026-11-25T20:05:00Z' },
    },
  });
  const user = userEvent.setup();
  renderAt(`${base}/downloads`, [{ path: `${base}/downloads`, element: inPortal(<DownloadsPage />) }]);

  const kit = (await screen.findByRole('heading', { name: 'Brand starter kit' })).closest('li')!;
  expect(within(kit).getByText('Templates for cards and letters.')).toBeVisible();
  expect(within(kit).getByText(/starter-kit\.zip, 1\.3 MB/)).toBeVisible();
  await user.click(within(kit).getByRole('button', { name: 'Download starter-kit.zip' }));
  await waitFor(() => expect(openUrl).toHaveBeenCalledWith('/api/v1/files/fl_7/content?token=abc'));

  const licence = screen.getByRole('heading', { name: 'Font licence' }).closest('li')!;
  expect(within(licence).getByText('Not ready to download yet.')).toBeVisible();
});

it('says what will appear when the client has no products', async () => {
  stubApi({ 'GET /api/v1/portal/products': { body: { items: [] } } });
  renderAt(`${base}/downloads`, [{ path: `${base}/downloads`, element: inPortal(<DownloadsPage />) }]);
  expect(await screen.findByText('No downloads yet')).toBeVisible();
});
