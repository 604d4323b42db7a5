import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import type { ApiKey } from './api';
import { ApiKeysPage } from './ApiKeysPage';
import { me, problem, renderAt, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/settings/api-keys', element: <ApiKeysPage /> }];

const zapier: ApiKey = {
  id: 'ak_1',
  name: 'Zapier',
  prefix: 'pk_live_8fJ2',
  scopes: ['clients:read'],
  created_at: '2025-03-01T10:00:00Z',
  last_used_at: null,
  revoked_at: null,
};

describe('ApiKeysPage', () => {
  it('lists keys with their scopes and whether they were used or revoked', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/api-keys': {
        body: {
          items: [
            zapier,
            {
              ...zapier,
              id: 'ak_2',
              name: 'Old site',
              prefix: 'pk_live_x1',
              revoked_at: '2025-03-05T10:00:00Z',
            },
          ],
          next_cursor: null,
        },
      },
    });
    renderAt('/app/settings/api-keys', page);

    const row = (await screen.findByText('Zapier')).closest('tr')!;
    expect(within(row).getByText('pk_live_8fJ2…')).toBeInTheDocument();
    expect(within(row).getByText('clients:read')).toBeInTheDocument();
    expect(within(row).getByText('Never')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Revoke' })).toBeInTheDocument();
    const old = screen.getByText('Old site').closest('tr')!;
    expect(within(old).getByText('Revoked')).toBeInTheDocument();
    expect(within(old).queryByRole('button', { name: 'Revoke' })).not.toBeInTheDocument();
  });

  it('says what keys are for when there are none', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/api-keys': { body: { items: [], next_cursor: null } },
    });
    renderAt('/app/settings/api-keys', page);

    expect(await screen.findByText('No API keys yet')).toBeInTheDocument();
  });

  it('shows the new secret once, with a warning, and never again after it is dismissed', async () => {
    let keys: ApiKey[] = [];
    let sent: unknown;
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/api-keys': () => ({ body: { items: keys, next_cursor: null } }),
      'POST /api/v1/api-keys': async (request) => {
        sent = await request.json();
        keys = [{ ...zapier, scopes: ['clients:read', 'clients:write'] }];
        return { status: 201, body: { ...keys[0], secret: 'pk_live_8fJ2kQ0aLm3X_s3cr3t' } };
      },
    });
    renderAt('/app/settings/api-keys', page);
    await screen.findByText('No API keys yet');

    await userEvent.type(screen.getByLabelText('Name'), 'Zapier');
    await userEvent.click(screen.getByRole('checkbox', { name: /clients:read/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: /clients:write/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));

    const box = await screen.findByRole('region', { name: 'Your new key “Zapier”' });
    expect(within(box).getByText('pk_live_8fJ2kQ0aLm3X_s3cr3t')).toBeInTheDocument();
    expect(
      within(box).getByText('Copy this key now. You will not be able to see it again.'),
    ).toBeInTheDocument();
    expect(within(box).getByRole('button', { name: 'Copy key' })).toBeInTheDocument();
    expect(box).toHaveFocus();
    expect(screen.getByText('Key created')).toBeInTheDocument();
    expect(sent).toEqual({ name: 'Zapier', scopes: ['clients:read', 'clients:write'] });
    // The list shows the new key by its prefix only.
    const row = (await screen.findAllByText('Zapier')).map((n) => n.closest('tr')).find(Boolean)!;
    expect(within(row).getByText('pk_live_8fJ2…')).toBeInTheDocument();

    await userEvent.click(within(box).getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByText('pk_live_8fJ2kQ0aLm3X_s3cr3t')).not.toBeInTheDocument();
  });

  it('asks for at least one scope before creating', async () => {
    const fetch = stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/api-keys': { body: { items: [] } },
    });
    renderAt('/app/settings/api-keys', page);
    await userEvent.type(await screen.findByLabelText('Name'), 'Zapier');
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));

    expect(screen.getByText('Choose at least one thing this key may do.')).toBeInTheDocument();
    expect(fetch.mock.calls.some(([r]) => (r as Request).method === 'POST')).toBe(false);
  });

  it('revokes a key after confirming', async () => {
    let revoked = false;
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/api-keys': () => ({
        body: {
          items: [{ ...zapier, revoked_at: revoked ? '2025-03-05T10:00:00Z' : null }],
          next_cursor: null,
        },
      }),
      'POST /api/v1/api-keys/ak_1/revoke': () => {
        revoked = true;
        return { body: { ...zapier, revoked_at: '2025-03-05T10:00:00Z' } };
      },
    });
    renderAt('/app/settings/api-keys', page);

    await userEvent.click(await screen.findByRole('button', { name: 'Revoke' }));
    expect(screen.getByText(/Anything using it stops working at once/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Revoke key' }));

    expect(await screen.findByText('Key revoked')).toBeInTheDocument();
    expect(await screen.findByText('Revoked')).toBeInTheDocument();
  });

  it('shows why the keys cannot be listed', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/api-keys': problem(403, 'Your role cannot manage API keys.'),
    });
    renderAt('/app/settings/api-keys', page);

    expect(await screen.findByRole('alert')).toHaveTextContent('Your role cannot manage API keys.');
  });
});
