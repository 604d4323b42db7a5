import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProductDetailPage } from './ProductDetailPage';
import { me, renderAt, requestsOf, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [
  { path: '/app/products/:id', element: <ProductDetailPage /> },
  { path: '/app/products', element: <p>Products</p> },
];

const kit = {
  id: 'pd_1',
  name: 'Brand starter kit',
  description: 'Logos, colours and fonts.',
  file: { id: 'fl_9', name: 'starter-kit.zip', size: 1_250_000, content_type: 'application/zip' },
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-01T10:00:00Z',
};

const client = (id: string, name: string, email: string) => ({
  id,
  name,
  email,
  phone: null,
  company: null,
  notes: null,
  status: 'active',
  portal_enabled: true,
  invited_at: null,
  last_login_at: null,
  created_at: '2025-03-01T10:00:00Z',
  updated_at: '2025-03-01T10:00:00Z',
});

describe('ProductDetailPage', () => {
  it('grants the product to a client and revokes a grant after asking', async () => {
    const grants = [{ client_id: 'cl_1', client_name: 'Maria Lopez', granted_at: '2026-11-02T10:00:00Z' }];
    const posts: unknown[] = [];
    const fetch = stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/products/pd_1': { body: kit },
      'GET /api/v1/products/pd_1/grants': () => ({ body: { items: [...grants] } }),
      'GET /api/v1/clients': {
        body: { items: [client('cl_2', 'Tom Berg', 'tom@example.com')], next_cursor: null },
      },
      'POST /api/v1/products/pd_1/grants': async (request) => {
        const body = (await request.json()) as { client_id: string };
        posts.push(body);
        const g = { client_id: body.client_id, client_name: 'Tom Berg', granted_at: '2026-11-25T10:00:00Z' };
        grants.push(g);
        return { status: 201, body: g };
      },
      'DELETE /api/v1/products/pd_1/grants/cl_1': () => {
        grants.splice(0, 1);
        return { status: 204 };
      },
    });
    renderAt('/app/products/pd_1', page);

    expect(await screen.findByRole('heading', { name: 'Brand starter kit', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('starter-kit.zip')).toBeInTheDocument();
    expect(await screen.findByText('1.3 MB')).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Clients with access' });
    expect(within(list).getByRole('link', { name: 'Maria Lopez' })).toHaveAttribute(
      'href',
      '/app/clients/cl_1',
    );

    await userEvent.type(screen.getByRole('combobox', { name: 'Give a client access' }), 'tom');
    await userEvent.click(await screen.findByRole('option', { name: /Tom Berg/ }, { timeout: 5000 }));
    await userEvent.click(screen.getByRole('button', { name: 'Grant access' }));
    expect(
      await screen.findByText('Tom Berg now has “Brand starter kit” in their portal'),
    ).toBeInTheDocument();
    expect(posts).toEqual([{ client_id: 'cl_2' }]);
    expect(await within(list).findByRole('link', { name: 'Tom Berg' })).toBeInTheDocument();

    const maria = within(list).getByRole('listitem', { name: 'Maria Lopez' });
    await userEvent.click(within(maria).getByRole('button', { name: 'Revoke' }));
    expect(requestsOf(fetch)).not.toContain('DELETE /api/v1/products/pd_1/grants/cl_1');
    await userEvent.click(within(maria).getByRole('button', { name: 'Revoke access' }));
    expect(
      await screen.findByText('Access to “Brand starter kit” removed from Maria Lopez'),
    ).toBeInTheDocument();
    expect(requestsOf(fetch)).toContain('DELETE /api/v1/products/pd_1/grants/cl_1');
  });

  it('saves the name and description', async () => {
    const patches: unknown[] = [];
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/products/pd_1': { body: kit },
      'GET /api/v1/products/pd_1/grants': { body: { items: [] } },
      'PATCH /api/v1/products/pd_1': async (request) => {
        patches.push(await request.json());
        return { body: { ...kit, name: 'Brand kit' } };
      },
    });
    renderAt('/app/products/pd_1', page);
    const name = await screen.findByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Brand kit');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Changes to “Brand kit” saved')).toBeInTheDocument();
    expect(patches).toEqual([{ name: 'Brand kit', description: 'Logos, colours and fonts.' }]);
    expect(screen.getByText(/No client has this product yet/)).toBeInTheDocument();
  });
});
