import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProductsPage } from './ProductsPage';
import { me, renderAt, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [
  { path: '/app/products', element: <ProductsPage /> },
  { path: '/app/products/:id', element: <p>Product page</p> },
];

const product = (over: Record<string, unknown> = {}) => ({
  id: 'pd_1',
  name: 'Brand starter kit',
  description: 'Logos, colours and fonts.',
  file: { id: 'fl_9', name: 'starter-kit.zip', size: 1_250_000, content_type: 'application/zip' },
  grants: 2,
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-01T10:00:00Z',
  ...over,
});

describe('ProductsPage', () => {
  it('lists products with their file and how many clients have them', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/products': {
        body: { items: [product(), product({ id: 'pd_2', name: 'Font licence', file: null, grants: 0 })] },
      },
    });
    renderAt('/app/products', page);
    const kit = (await screen.findByRole('link', { name: 'Brand starter kit' })).closest('tr')!;
    expect(within(kit).getByText('2 clients')).toBeInTheDocument();
    await waitFor(() => expect(within(kit).getByText('starter-kit.zip (1.3 MB)')).toBeInTheDocument());
    const font = screen.getByRole('link', { name: 'Font licence' }).closest('tr')!;
    expect(within(font).getByText('No file yet')).toBeInTheDocument();
    expect(within(font).getByText('Nobody yet')).toBeInTheDocument();
  });

  it('creates a product and opens it to upload the file', async () => {
    const posts: unknown[] = [];
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/products': { body: { items: [] } },
      'POST /api/v1/products': async (request) => {
        posts.push(await request.json());
        return { status: 201, body: product({ id: 'pd_3', name: 'Style guide', file: null, grants: 0 }) };
      },
    });
    renderAt('/app/products', page);
    await userEvent.click(await screen.findByRole('button', { name: 'New product' }));
    await userEvent.type(screen.getByLabelText('Name'), 'Style guide');
    await userEvent.click(screen.getByRole('button', { name: 'Create product' }));
    expect(
      await screen.findByText('Product “Style guide” created — now upload its file'),
    ).toBeInTheDocument();
    expect(posts).toEqual([{ name: 'Style guide' }]);
    await waitFor(() => expect(screen.getByTestId('address')).toHaveTextContent('/app/products/pd_3'));
  });
});
