import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { ClientDetailPage } from './ClientDetailPage';
import { aClient, anEmptyOverview, anOverview } from './fixtures';
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
    'GET /api/v1/clients/cl_1/overview': { body: anOverview() },
    'GET /api/v1/clients/cl_1/login-messages': { body: { items: [] } },
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

  it('lists the invitation among the login messages once sent', async () => {
    let invited = false;
    stubApi(
      stubs({
        'POST /api/v1/clients/cl_1/invite': () => {
          invited = true;
          return { body: aClient({ invited_at: '2025-03-04T09:00:00Z' }) };
        },
        'GET /api/v1/clients/cl_1/login-messages': () => ({
          body: {
            items: invited
              ? [
                  {
                    id: 'lm_1',
                    channel: 'email',
                    purpose: 'invite',
                    to: 'maria@example.com',
                    status: 'queued',
                    attempts: 0,
                    created_at: '2025-03-04T09:00:00Z',
                  },
                ]
              : [],
          },
        }),
      }),
    );
    renderAt('/app/clients/cl_1', page);

    expect(await screen.findByText('No login messages yet.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Invite to portal' }));
    expect(await screen.findByText('Invitation by email')).toBeInTheDocument();
    expect(screen.getByText('Waiting to send')).toBeInTheDocument();
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

  it('lists appointments upcoming first, each leading to its page, and says where the rest are', async () => {
    stubApi(stubs());
    renderAt('/app/clients/cl_1', page);

    // The first kind the client has anything of is open.
    const tab = await screen.findByRole('tab', { name: 'Appointments (60)' });
    expect(tab).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel', { name: 'Appointments' });
    const [upcoming, past] = within(panel).getAllByRole('list');
    expect(
      within(panel)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Upcoming', 'Past and cancelled']);
    const next = within(upcoming!).getByRole('listitem');
    expect(within(next).getByRole('link', { name: 'Follow-up call' })).toHaveAttribute(
      'href',
      '/app/appointments/ap_2',
    );
    // In the business's time zone (Europe/Paris).
    expect(next).toHaveTextContent('3 Dec 2026, 10:00');
    expect(next).toHaveTextContent('with Jo Park');
    expect(within(next).getByText('Confirmed')).toBeInTheDocument();
    const done = within(past!).getByRole('listitem');
    expect(within(done).getByRole('link', { name: 'Kick-off meeting' })).toHaveAttribute(
      'href',
      '/app/appointments/ap_1',
    );
    expect(within(done).getByText('Completed')).toBeInTheDocument();
    expect(done).not.toHaveTextContent('with');
    // 60 in all, 2 shown: the rest are on the appointments page, showing only this client's.
    expect(within(panel).getByRole('link', { name: 'See all 60' })).toHaveAttribute(
      'href',
      '/app/appointments?client_id=cl_1',
    );
  });

  it('shows orders, projects, quotes and contracts with their status words and links', async () => {
    const user = userEvent.setup();
    stubApi(stubs());
    renderAt('/app/clients/cl_1', page);

    await user.click(await screen.findByRole('tab', { name: 'Orders (2)' }));
    let panel = screen.getByRole('tabpanel', { name: 'Orders' });
    expect(screen.getByTestId('address')).toHaveTextContent('/app/clients/cl_1?tab=orders');
    const order = within(panel).getByRole('link', { name: 'SO-0007 Print run: 200 brochures' });
    expect(order).toHaveAttribute('href', '/app/orders/so_7');
    expect(order.closest('li')).toHaveTextContent('In progress');
    expect(
      within(panel).getByRole('link', { name: 'SO-0006 Business cards' }).closest('li'),
    ).toHaveTextContent('Delivered');
    // Both orders are shown: nothing points elsewhere.
    expect(panel).not.toHaveTextContent(/Showing/);

    // The tabs are links: the keyboard reaches and opens them.
    screen.getByRole('tab', { name: 'Projects (1)' }).focus();
    await user.keyboard('{Enter}');
    panel = screen.getByRole('tabpanel', { name: 'Projects' });
    const project = within(panel).getByRole('link', { name: 'Brand refresh' });
    expect(project).toHaveAttribute('href', '/app/projects/pr_1');
    expect(project.closest('li')).toHaveTextContent('Due 1 Dec 2026');
    expect(project.closest('li')).toHaveTextContent('On hold');

    await user.click(screen.getByRole('tab', { name: 'Quotes (30)' }));
    panel = screen.getByRole('tabpanel', { name: 'Quotes' });
    const sent = within(panel).getByRole('link', { name: 'Q-2026-0002 Website' }).closest('li')!;
    expect(within(sent).getByRole('link', { name: 'Q-2026-0002 Website' })).toHaveAttribute(
      'href',
      '/app/quotes/qu_2',
    );
    expect(sent).toHaveTextContent('Sent');
    expect(sent).toHaveTextContent('Valid until 15 Dec 2026');
    expect(sent).toHaveTextContent('€1,200.00');
    const accepted = within(panel).getByRole('link', { name: 'Q-2026-0001 Brand refresh' }).closest('li')!;
    expect(accepted).toHaveTextContent('Accepted');
    expect(accepted).not.toHaveTextContent('Valid until');
    expect(within(accepted).getByRole('link', { name: 'The project of quote Q-2026-0001' })).toHaveAttribute(
      'href',
      '/app/projects/pr_1',
    );
    // 30 in all, 2 shown: the quotes list shows only this client's.
    expect(within(panel).getByRole('link', { name: 'See all 30' })).toHaveAttribute(
      'href',
      '/app/quotes?client_id=cl_1',
    );

    await user.click(screen.getByRole('tab', { name: 'Contracts (1)' }));
    panel = screen.getByRole('tabpanel', { name: 'Contracts' });
    const contract = within(panel).getByRole('link', { name: 'Design agreement' });
    expect(contract).toHaveAttribute('href', '/app/contracts/co_1');
    expect(contract.closest('li')).toHaveTextContent('Signed 3 Oct 2026, 10:00');
    expect(within(contract.closest('li')!).getByText('Signed')).toBeInTheDocument();
  });

  it('shows what the client owes per currency, the overdue part, and each invoice', async () => {
    stubApi(stubs());
    renderAt('/app/clients/cl_1?tab=invoices', page);

    expect(await screen.findByRole('tab', { name: 'Invoices (2)' })).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel', { name: 'Invoices' });
    const owed = within(panel).getByRole('region', { name: 'Outstanding' });
    const [eur, usd] = within(owed).getAllByRole('listitem');
    expect(eur).toHaveTextContent('€500.00 of which €500.00 overdue');
    expect(usd).toHaveTextContent('US$100.00');
    expect(usd).not.toHaveTextContent('overdue');

    const deposit = within(panel).getByRole('link', { name: 'INV-2026-0002 Deposit' });
    expect(deposit).toHaveAttribute('href', '/app/invoices/in_2');
    const line = deposit.closest('li')!;
    expect(line).toHaveTextContent('Due 1 Nov 2026');
    expect(within(line).getByText('Partly paid')).toBeInTheDocument();
    expect(within(line).getByText('Overdue')).toBeInTheDocument();
    expect(line).toHaveTextContent('€800.00');
    expect(line).toHaveTextContent('€500.00 still due');
    const hosting = within(panel).getByRole('link', { name: 'INV-2026-0001 Hosting' }).closest('li')!;
    expect(within(hosting).getByText('Sent')).toBeInTheDocument();
    expect(within(hosting).queryByText('Overdue')).toBeNull();
  });

  it('marks which files the client sees and leads to the project’s files and threads', async () => {
    const user = userEvent.setup();
    stubApi(stubs());
    renderAt('/app/clients/cl_1?tab=files', page);

    let panel = await screen.findByRole('tabpanel', { name: 'Files' });
    const logo = within(panel).getByRole('link', { name: 'logo-final.svg' });
    expect(logo).toHaveAttribute('href', '/app/projects/pr_1/files');
    expect(logo.closest('li')).toHaveTextContent('Client sees it');
    expect(logo.closest('li')).toHaveTextContent('In “Brand refresh”');
    expect(logo.closest('li')).toHaveTextContent('48 KB');
    const costs = within(panel).getByRole('link', { name: 'costs.xlsx' }).closest('li')!;
    expect(costs).toHaveTextContent('Team only');
    expect(costs).not.toHaveTextContent('Client sees it');
    expect(panel).toHaveTextContent(
      'Showing the newest 2 of 40. Each project’s Files tab lists all of its files.',
    );

    await user.click(screen.getByRole('tab', { name: 'Messages (1)' }));
    panel = screen.getByRole('tabpanel', { name: 'Messages' });
    const thread = within(panel).getByRole('link', { name: 'Colours' });
    expect(thread).toHaveAttribute('href', '/app/projects/pr_1/messages/th_1');
    expect(thread.closest('li')).toHaveTextContent('Last message 21 Nov 2026, 17:30');
  });

  it('says so when the client has nothing of a kind yet', async () => {
    const user = userEvent.setup();
    stubApi(stubs({ 'GET /api/v1/clients/cl_1/overview': { body: anEmptyOverview() } }));
    renderAt('/app/clients/cl_1', page);

    expect(await screen.findByRole('tab', { name: 'Appointments (0)' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const empties: [string, string][] = [
      ['Appointments', 'No appointments yet.'],
      ['Orders', 'No service orders yet.'],
      ['Projects', 'No projects yet.'],
      ['Quotes', 'No quotes yet.'],
      ['Contracts', 'No contracts yet.'],
      ['Invoices', 'No invoices yet.'],
      ['Files', 'No files in this client’s projects yet.'],
      ['Messages', 'No conversations in this client’s projects yet.'],
    ];
    for (const [name, empty] of empties) {
      await user.click(screen.getByRole('tab', { name: `${name} (0)` }));
      const panel = screen.getByRole('tabpanel', { name });
      expect(panel).toHaveTextContent(empty);
      expect(within(panel).queryAllByRole('link')).toEqual([]);
    }
  });

  it('says when nothing is booked ahead, and when every invoice is paid', async () => {
    const user = userEvent.setup();
    const full = anOverview();
    stubApi(
      stubs({
        'GET /api/v1/clients/cl_1/overview': {
          body: {
            ...full,
            counts: { ...full.counts, appointments: 1 },
            upcoming_appointments: [],
            outstanding: [],
          },
        },
      }),
    );
    renderAt('/app/clients/cl_1', page);

    const panel = await screen.findByRole('tabpanel', { name: 'Appointments' });
    expect(panel).toHaveTextContent('Nothing booked ahead.');
    expect(within(panel).getByRole('link', { name: 'Kick-off meeting' })).toBeInTheDocument();
    expect(panel).not.toHaveTextContent(/Showing/);
    await user.click(screen.getByRole('tab', { name: 'Invoices (2)' }));
    expect(screen.getByRole('region', { name: 'Outstanding' })).toHaveTextContent(
      'Nothing is outstanding: every sent invoice is paid.',
    );
  });

  it('starts new work for the client from the header', async () => {
    stubApi(stubs());
    renderAt('/app/clients/cl_1', page);

    const actions = await screen.findByRole('group', { name: 'Actions for Maria Lopez' });
    const hrefs = Object.fromEntries(
      within(actions)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    );
    expect(hrefs).toEqual({
      'New quote': '/app/quotes/new?client_id=cl_1',
      'New project': '/app/projects/new?client_id=cl_1',
      'New contract': '/app/contracts/new?client_id=cl_1',
      'Book an appointment': '/app/appointments/new?client_id=cl_1',
    });
    expect(within(actions).getByRole('button', { name: 'Invite to portal' })).toHaveAccessibleDescription(
      'An invitation emails maria@example.com a one-click login link, valid for 7 days.',
    );
    // Enabled once the console knows the business's portal address.
    await waitFor(() =>
      expect(within(actions).getByRole('button', { name: 'View as client' })).toBeEnabled(),
    );
  });

  it('offers no new work for an archived client', async () => {
    stubApi(stubs({ 'GET /api/v1/clients/cl_1': { body: aClient({ status: 'archived' }) } }));
    renderAt('/app/clients/cl_1', page);

    const actions = await screen.findByRole('group', { name: 'Actions for Maria Lopez' });
    expect(within(actions).queryAllByRole('link')).toEqual([]);
    expect(within(actions).getByRole('button', { name: 'View as client' })).toHaveAccessibleDescription(
      'Restore this client to see the portal as they do.',
    );
  });

  it('keeps the client’s details when their overview cannot be loaded, and retries', async () => {
    let calls = 0;
    stubApi(
      stubs({
        'GET /api/v1/clients/cl_1/overview': () =>
          ++calls === 1 ? problem(500, 'The database is busy.') : { body: anOverview() },
      }),
    );
    renderAt('/app/clients/cl_1', page);

    const error = await screen.findByRole('alert');
    expect(error).toHaveTextContent('This client’s appointments, projects and billing could not be loaded');
    expect(error).toHaveTextContent('The database is busy.');
    expect(screen.getByRole('heading', { name: 'Maria Lopez', level: 1 })).toBeInTheDocument();
    await userEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('tab', { name: 'Appointments (60)' })).toBeInTheDocument();
  });
});
