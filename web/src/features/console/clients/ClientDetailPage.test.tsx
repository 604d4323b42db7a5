import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { ClientDetailPage } from './ClientDetailPage';
import { aClient } from './fixtures';
import { me, problem, renderAt, stubApi, tenant, type ApiStubs } from '@/test/testing';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const page = [{ path: '/app/clients/:id', element: <ClientDetailPage /> }];

function stubs(extra: ApiStubs = {}): ApiStubs {
  return {
    'GET /api/v1/me': { body: me },
    'GET /api/v1/tenant': { body: tenant },
    'GET /api/v1/staff': {
      body: { items: [{ id: 'st_2', name: 'Jo Park', email: 'jo@x.com', role: 'admin', created_at: '' }] },
    },
    'GET /api/v1/clients/cl_1': { body: aClient({ notes: 'Prefers calls after 5pm.' }) },
    'GET /api/v1/clients/cl_1/activity': {
      body: {
        items: [
          {
            id: 'a3',
            actor_kind: 'client',
            actor_id: 'cl_1',
            kind: 'client.logged_in',
            verb: 'logged_in',
            subject_type: 'client',
            subject_id: 'cl_1',
            data: {},
            at: '2025-03-03T08:00:00Z',
          },
          {
            id: 'a2',
            actor_kind: 'staff',
            actor_id: 'st_2',
            kind: 'client.updated',
            verb: 'updated',
            subject_type: 'client',
            subject_id: 'cl_1',
            data: { fields: ['phone', 'notes'] },
            at: '2025-03-02T08:00:00Z',
          },
          {
            id: 'a1',
            actor_kind: 'staff',
            actor_id: 'st_1',
            kind: 'client.created',
            verb: 'created',
            subject_type: 'client',
            subject_id: 'cl_1',
            data: {},
            at: '2025-03-01T10:00:00Z',
          },
        ],
        next_cursor: null,
      },
    },
    ...extra,
  };
}

describe('ClientDetailPage', () => {
  it('shows the client, the internal notes and the timeline as sentences', async () => {
    stubApi(stubs());
    renderAt('/app/clients/cl_1', page);

    expect(await screen.findByRole('heading', { name: 'Maria Lopez', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Prefers calls after 5pm.')).toBeInTheDocument();
    expect(screen.getByText(/Only your team sees these/)).toBeInTheDocument();
    expect(await screen.findByText('Maria Lopez logged in to the portal.')).toBeInTheDocument();
    expect(await screen.findByText('Jo Park changed the phone and internal notes.')).toBeInTheDocument();
    const added = screen.getByText('You added Maria Lopez as a client.').closest('li')!;
    // Dated in the business's locale and time zone (en-GB, Europe/Paris).
    expect(await within(added).findByText('1 Mar 2025, 11:00')).toBeInTheDocument();
  });

  it('invites the client and confirms where the invitation went', async () => {
    stubApi(
      stubs({
        'POST /api/v1/clients/cl_1/invite': { body: aClient({ invited_at: '2025-03-04T09:00:00Z' }) },
      }),
    );
    renderAt('/app/clients/cl_1', page);

    await userEvent.click(await screen.findByRole('button', { name: 'Invite to portal' }));

    expect(await screen.findByText('Invitation sent to maria@example.com')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send a new invitation' })).toBeEnabled();
  });

  it('converts a lead from a form into a client with portal access, and says how it came', async () => {
    let sent: unknown;
    const lead = aClient({ status: 'lead', portal_enabled: false, email_opt_out: true });
    stubApi(
      stubs({
        'GET /api/v1/clients/cl_1': { body: lead },
        'GET /api/v1/clients/cl_1/activity': {
          body: {
            items: [
              {
                id: 'a1',
                actor_kind: 'client',
                actor_id: 'cl_1',
                kind: 'client.created',
                verb: 'created',
                subject_type: 'client',
                subject_id: 'cl_1',
                data: { source: 'form', form_title: 'Start a project' },
                at: '2025-03-01T10:00:00Z',
              },
            ],
            next_cursor: null,
          },
        },
        'PATCH /api/v1/clients/cl_1': async (request) => {
          sent = await request.json();
          return { body: aClient({ status: 'active', portal_enabled: true, email_opt_out: true }) };
        },
      }),
    );
    renderAt('/app/clients/cl_1', page);

    expect(
      await screen.findByText('Maria Lopez sent the form “Start a project” and became a lead.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Only essential ones (they turned notices off)')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Convert to client' }));

    expect(
      await screen.findByText('Maria Lopez is now a client — invite them to the portal when you are ready'),
    ).toBeInTheDocument();
    expect(sent).toEqual({ status: 'active', portal_enabled: true });
    expect(screen.queryByRole('button', { name: 'Convert to client' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Invite to portal' })).toBeEnabled();
  });

  it('explains why a client without portal access cannot be invited', async () => {
    stubApi(stubs({ 'GET /api/v1/clients/cl_1': { body: aClient({ portal_enabled: false }) } }));
    renderAt('/app/clients/cl_1', page);

    const invite = await screen.findByRole('button', { name: 'Invite to portal' });
    expect(invite).toBeDisabled();
    expect(invite).toHaveAccessibleDescription(/Portal access is off for this client/);
  });

  it('archives only after confirming, and says so', async () => {
    stubApi(stubs({ 'POST /api/v1/clients/cl_1/archive': { body: aClient({ status: 'archived' }) } }));
    renderAt('/app/clients/cl_1', page);

    await userEvent.click(await screen.findByRole('button', { name: 'Archive' }));
    const question = screen.getByRole('group', { name: 'Archive' });
    expect(question).toHaveTextContent(/Archive Maria Lopez\? They disappear from the client list/);
    await userEvent.click(within(question).getByRole('button', { name: 'Archive client' }));

    expect(await screen.findByText('Client archived')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Restore' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Invite to portal' })).toHaveAccessibleDescription(
      /Archived clients cannot use the portal/,
    );
  });

  it('shows a refused archive in the server’s words and keeps the question open', async () => {
    stubApi(stubs({ 'POST /api/v1/clients/cl_1/archive': problem(409, 'This client is already archived.') }));
    renderAt('/app/clients/cl_1', page);

    await userEvent.click(await screen.findByRole('button', { name: 'Archive' }));
    await userEvent.click(screen.getByRole('button', { name: 'Archive client' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This client is already archived.');
    expect(screen.getByRole('button', { name: 'Archive client' })).toBeInTheDocument();
  });

  it('opens the portal as the client in a new tab, with the session in the fragment', async () => {
    const tab = { opener: {}, location: { href: '' }, close: vi.fn() };
    const open = vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    stubApi(
      stubs({
        'POST /api/v1/clients/cl_1/impersonate': {
          body: {
            access_token: 'at',
            refresh_token: 'rt',
            expires_in: 900,
            session_id: 'se_1',
            token_type: 'Bearer',
          },
        },
      }),
    );
    renderAt('/app/clients/cl_1', page);

    await userEvent.click(await screen.findByRole('button', { name: 'View as client' }));

    expect(await screen.findByText('Opened the portal as Maria Lopez in a new tab')).toBeInTheDocument();
    expect(open).toHaveBeenCalledWith('', '_blank');
    expect(tab.opener).toBeNull();
    expect(tab.location.href).toBe(
      '/portal/studio-anna/view-as#access_token=at&refresh_token=rt&expires_in=900&session_id=se_1',
    );
  });
});
