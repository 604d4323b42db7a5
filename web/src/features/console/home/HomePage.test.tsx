import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach } from 'vitest';
import type { Home } from './api';
import { HomePage } from './HomePage';
import { me, problem, renderAt, stubApi, tenant, type ApiStubs } from '@/test/testing';

beforeEach(() => {
  // 14:00 in Berlin: the afternoon of the fixture's "today".
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-09T13:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const page = [{ path: '/app', element: <HomePage /> }];
const maria = { id: 'cl_1', name: 'Maria Lopez' };
const tom = { id: 'cl_2', name: 'Tom Baker' };
const noah = { id: 'cl_9', name: 'Noah Fischer' };

/** A busy Wednesday, 9 December 2026, in Berlin: every section has lines. */
function aHome(over: Partial<Home> = {}): Home {
  return {
    today: '2026-12-09',
    time_zone: 'Europe/Berlin',
    counts: {
      appointments: 5,
      waiting_on_clients: 7,
      overdue_invoices: 3,
      new_leads: 1,
      form_submissions: 1,
      unread_threads: 1,
    },
    appointments: [
      {
        id: 'ap_1',
        client: maria,
        service_name: 'Haircut',
        staff_name: 'Jo Park',
        starts_at: '2026-12-09T08:00:00Z',
        ends_at: '2026-12-09T08:45:00Z',
        status: 'confirmed',
      },
      {
        id: 'ap_2',
        client: tom,
        service_name: 'Colour consultation',
        staff_name: null,
        starts_at: '2026-12-09T13:30:00Z',
        ends_at: '2026-12-09T14:00:00Z',
        status: 'pending',
      },
      {
        // 23:30 UTC is half past midnight tomorrow in Berlin.
        id: 'ap_3',
        client: noah,
        service_name: 'Haircut',
        staff_name: 'Jo Park',
        starts_at: '2026-12-09T23:30:00Z',
        ends_at: '2026-12-10T00:15:00Z',
        status: 'confirmed',
      },
    ],
    waiting_on_clients: [
      {
        kind: 'contract',
        id: 'ct_1',
        title: 'Retainer 2027',
        number: null,
        project_id: null,
        client: tom,
        since: '2026-11-25T10:00:00Z',
        viewed_at: null,
      },
      {
        kind: 'quote',
        id: 'qt_1',
        title: 'Q-2026-0004 · Website redesign',
        number: 'Q-2026-0004',
        project_id: null,
        client: maria,
        since: '2026-12-06T10:00:00Z',
        viewed_at: '2026-12-08T09:00:00Z',
      },
      {
        kind: 'deliverable',
        id: 'dl_1',
        title: 'Logo drafts',
        number: null,
        project_id: 'pr_1',
        client: maria,
        since: '2026-12-09T07:00:00Z',
        viewed_at: null,
      },
    ],
    overdue_invoices: [
      {
        id: 'in_1',
        number: 'INV-2026-0012',
        client: tom,
        due_date: '2026-11-27',
        due_minor: 45000,
        currency: 'EUR',
        days_overdue: 12,
      },
      {
        id: 'in_2',
        number: 'INV-2026-0015',
        client: maria,
        due_date: '2026-12-08',
        due_minor: 7000,
        currency: 'EUR',
        days_overdue: 1,
      },
    ],
    outstanding: [
      { currency: 'EUR', amount_minor: 125000, overdue_minor: 52000 },
      { currency: 'USD', amount_minor: 20000, overdue_minor: 0 },
    ],
    new_leads: [
      {
        id: 'cl_9',
        name: 'Noah Fischer',
        email: 'noah@example.com',
        company: 'Fischer GmbH',
        created_at: '2026-12-08T12:00:00Z',
      },
    ],
    form_submissions: [
      {
        id: 'fs_1',
        form_id: 'fm_1',
        form_title: 'Start a project',
        client: noah,
        created_lead: true,
        created_at: '2026-12-08T12:00:00Z',
      },
    ],
    unread_threads: [
      {
        id: 'th_1',
        title: 'Launch date',
        project_id: 'pr_1',
        project_name: 'Website redesign',
        client: maria,
        unread_count: 2,
        last_message_at: '2026-12-09T09:00:00Z',
      },
    ],
    recent_activity: [
      {
        id: 'a2',
        actor_kind: 'client',
        actor_id: 'cl_2',
        client_id: 'cl_2',
        client_name: 'Tom Baker',
        kind: 'client.logged_in',
        verb: 'logged_in',
        subject_type: 'client',
        subject_id: 'cl_2',
        data: {},
        at: '2026-12-09T09:30:00Z',
      },
      {
        id: 'a1',
        actor_kind: 'staff',
        actor_id: 'st_2',
        client_id: 'cl_1',
        client_name: 'Maria Lopez',
        kind: 'quote.sent',
        verb: 'sent',
        subject_type: 'quote',
        subject_id: 'qt_1',
        // The schema leaves the values of `data` open (it types them as `never`).
        data: { number: 'Q-2026-0004' } as unknown as Record<string, never>,
        at: '2026-12-06T10:00:00Z',
      },
    ],
    ...over,
  };
}

/** A business opened today: nothing in any list. */
function anEmptyHome(over: Partial<Home> = {}): Home {
  return aHome({
    counts: {
      appointments: 0,
      waiting_on_clients: 0,
      overdue_invoices: 0,
      new_leads: 0,
      form_submissions: 0,
      unread_threads: 0,
    },
    appointments: [],
    waiting_on_clients: [],
    overdue_invoices: [],
    outstanding: [],
    new_leads: [],
    form_submissions: [],
    unread_threads: [],
    recent_activity: [],
    ...over,
  });
}

function stubs(home: Home, extra: ApiStubs = {}): ApiStubs {
  return {
    'GET /api/v1/me': { body: me },
    'GET /api/v1/tenant': { body: tenant },
    'GET /api/v1/staff': {
      body: { items: [{ id: 'st_2', name: 'Jo Park', email: 'jo@x.com', role: 'admin', created_at: '' }] },
    },
    'GET /api/v1/home': { body: home },
    ...extra,
  };
}

/** The card under the heading `name`. */
async function section(name: string | RegExp) {
  return (await screen.findByRole('heading', { name, level: 2 })).closest('section')!;
}

const hrefOf = (scope: HTMLElement, name: string | RegExp) =>
  within(scope).getByRole('link', { name }).getAttribute('href');

describe('HomePage', () => {
  it('greets the staff member by the business’s clock and offers to add a client or book', async () => {
    stubApi(stubs(aHome()));
    renderAt('/app', page);

    expect(
      await screen.findByRole('heading', { name: 'Good afternoon, Anna', level: 1 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Wednesday 9 December')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add a client' })).toHaveAttribute('href', '/app/clients/new');
    expect(screen.getByRole('link', { name: 'Book an appointment' })).toHaveAttribute(
      'href',
      '/app/appointments/new',
    );
    expect(screen.queryByRole('heading', { name: /Where to start/ })).not.toBeInTheDocument();
  });

  it('splits appointments into today and tomorrow on the business’s clock', async () => {
    stubApi(stubs(aHome()));
    renderAt('/app', page);
    const card = await section(/Appointments/);
    expect(within(card).getByRole('heading', { name: /Appointments/ })).toHaveTextContent('5');

    const today = within(card).getByRole('heading', { name: 'Today', level: 3 }).parentElement!;
    const lines = within(today).getAllByRole('listitem');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toHaveTextContent('09:00–09:45');
    expect(within(lines[0]!).getByText('Haircut with Jo Park')).toBeInTheDocument();
    expect(hrefOf(lines[0]!, 'Maria Lopez')).toBe('/app/appointments/ap_1');
    expect(lines[1]).toHaveTextContent('14:30–15:00');
    expect(within(lines[1]!).getByText('To confirm')).toBeInTheDocument();
    expect(within(lines[1]!).getByText('Colour consultation')).toBeInTheDocument();

    const tomorrow = within(card).getByRole('heading', { name: 'Tomorrow', level: 3 }).parentElement!;
    const later = within(tomorrow).getByRole('listitem');
    expect(later).toHaveTextContent('00:30–01:15');
    expect(hrefOf(later, 'Noah Fischer')).toBe('/app/appointments/ap_3');

    expect(hrefOf(card, 'And 2 more')).toBe('/app/appointments');
  });

  it('says how long each document has waited, whether it was opened, and where to answer it', async () => {
    stubApi(stubs(aHome()));
    renderAt('/app', page);
    const card = await section(/Waiting on clients/);
    const [contract, quote, deliverable] = within(card).getAllByRole('listitem');

    expect(hrefOf(contract!, 'Retainer 2027')).toBe('/app/contracts/ct_1');
    expect(contract).toHaveTextContent('Contract');
    expect(contract).toHaveTextContent('Tom Baker · Sent 14 days ago · not opened yet');

    expect(hrefOf(quote!, 'Q-2026-0004 · Website redesign')).toBe('/app/quotes/qt_1');
    expect(quote).toHaveTextContent('Maria Lopez · Sent 3 days ago · opened yesterday');

    expect(hrefOf(deliverable!, 'Logo drafts')).toBe('/app/projects/pr_1/deliverables');
    expect(deliverable).toHaveTextContent('Maria Lopez · Submitted for approval today');
    expect(deliverable).not.toHaveTextContent(/opened/);

    // 7 wait, 3 are shown: the rest are in the lists.
    expect(card).toHaveTextContent(
      'And 4 more among the sent quotes, the sent contracts and the deliverables of your projects.',
    );
    expect(hrefOf(card, 'sent quotes')).toBe('/app/quotes?status=sent');
    expect(hrefOf(card, 'sent contracts')).toBe('/app/contracts?status=sent');
    expect(hrefOf(card, 'projects')).toBe('/app/projects');
  });

  it('shows what is outstanding and overdue per currency, and the overdue invoices', async () => {
    stubApi(stubs(aHome()));
    renderAt('/app', page);
    const card = await section(/Money/);

    const totals = within(card)
      .getAllByRole('definition')
      .map((d) => d.textContent);
    expect(totals).toEqual(['€1,250.00', '€520.00', 'US$200.00', 'US$0.00']);
    expect(
      within(card)
        .getAllByRole('term')
        .map((d) => d.textContent),
    ).toEqual(['Outstanding', 'Overdue', 'Outstanding', 'Overdue']);

    const [first, second] = within(card).getAllByRole('listitem');
    expect(hrefOf(first!, 'INV-2026-0012')).toBe('/app/invoices/in_1');
    expect(first).toHaveTextContent('Tom Baker');
    expect(first).toHaveTextContent('€450.00');
    expect(first).toHaveTextContent('12 days overdue');
    expect(hrefOf(second!, 'INV-2026-0015')).toBe('/app/invoices/in_2');
    expect(second).toHaveTextContent('1 day overdue');

    expect(hrefOf(card, 'And 1 more')).toBe('/app/invoices?overdue=1');
  });

  it('lists new leads, form submissions and unread messages, each leading to its page', async () => {
    stubApi(stubs(aHome()));
    renderAt('/app', page);

    const leads = await section(/New leads/);
    expect(hrefOf(leads, 'Noah Fischer')).toBe('/app/clients/cl_9');
    expect(leads).toHaveTextContent('Fischer GmbH · noah@example.com');
    expect(within(leads).getByText('Yesterday')).toBeInTheDocument();
    expect(within(leads).queryByRole('link', { name: /more/ })).not.toBeInTheDocument();

    const submissions = await section(/Form submissions/);
    expect(hrefOf(submissions, 'Start a project')).toBe('/app/forms/fm_1/submissions');
    expect(within(submissions).getByText('New lead')).toBeInTheDocument();

    const unread = await section(/Unread messages/);
    expect(hrefOf(unread, 'Launch date')).toBe('/app/projects/pr_1/messages/th_1');
    expect(unread).toHaveTextContent('2 new messages');
    expect(unread).toHaveTextContent('Website redesign · Maria Lopez');
    expect(within(unread).getByText('Today')).toBeInTheDocument();
  });

  it('says what happened lately in words, naming each entry’s own client', async () => {
    stubApi(stubs(aHome()));
    renderAt('/app', page);

    const login = await screen.findByRole('link', { name: 'Tom Baker logged in to the portal.' });
    expect(login).toHaveAttribute('href', '/app/clients/cl_2');
    const sent = await screen.findByRole('link', { name: 'Jo Park sent quote Q-2026-0004 to Maria Lopez.' });
    expect(sent).toHaveAttribute('href', '/app/quotes/qt_1');
    expect(screen.getByRole('list', { name: 'Recent activity' })).toBeInTheDocument();
    // The home page shows the latest entries only: there is no older page to ask for.
    expect(screen.queryByRole('button', { name: /older/i })).not.toBeInTheDocument();
  });

  it('leads to the full lists of leads, submissions and projects when the page names only some', async () => {
    const home = aHome();
    stubApi(
      stubs({ ...home, counts: { ...home.counts, new_leads: 25, form_submissions: 3, unread_threads: 4 } }),
    );
    renderAt('/app', page);

    expect(hrefOf(await section(/New leads/), 'And 24 more')).toBe('/app/clients?status=lead');
    expect(hrefOf(await section(/Form submissions/), 'And 2 more')).toBe('/app/forms');
    expect(hrefOf(await section(/Unread messages/), 'And 3 more')).toBe('/app/projects');
  });

  it('welcomes a brand new business with where to start, and says kindly that each section is empty', async () => {
    stubApi(stubs(anEmptyHome()));
    renderAt('/app', page);

    const start = await section('Welcome! Where to start');
    expect(hrefOf(start, /Add a client/)).toBe('/app/clients/new');
    expect(hrefOf(start, /Book an appointment/)).toBe('/app/appointments/new');
    expect(hrefOf(start, /Write a quote/)).toBe('/app/quotes/new');
    expect(hrefOf(start, /Create a form/)).toBe('/app/forms/new');

    expect(screen.getByText('No appointments today.')).toBeInTheDocument();
    expect(screen.getByText('No appointments tomorrow.')).toBeInTheDocument();
    expect(screen.getByText('Nothing waiting on clients.')).toBeInTheDocument();
    expect(screen.getByText(/^Nothing outstanding/)).toBeInTheDocument();
    expect(screen.queryByText('Overdue invoices')).not.toBeInTheDocument();
    expect(screen.getByText('No new leads in the last 14 days.')).toBeInTheDocument();
    expect(screen.getByText('No form submissions in the last 14 days.')).toBeInTheDocument();
    expect(screen.getByText('You have read every message from your clients.')).toBeInTheDocument();
    expect(
      await screen.findByText(/What you, your team and your clients do shows up here/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /more/ })).not.toBeInTheDocument();
  });

  it('says no invoice is overdue when money is owed but none of it late', async () => {
    stubApi(
      stubs(
        anEmptyHome({
          recent_activity: aHome().recent_activity,
          outstanding: [{ currency: 'EUR', amount_minor: 30000, overdue_minor: 0 }],
        }),
      ),
    );
    renderAt('/app', page);

    const card = await section(/Money/);
    expect(
      within(card)
        .getAllByRole('definition')
        .map((d) => d.textContent),
    ).toEqual(['€300.00', '€0.00']);
    expect(within(card).getByText('No invoice is overdue.')).toBeInTheDocument();
    // Something has happened here: no welcome.
    expect(screen.queryByRole('heading', { name: /Where to start/ })).not.toBeInTheDocument();
  });

  it('does not call tomorrow free when the list was cut off before it', async () => {
    const home = aHome();
    stubApi(
      stubs({
        ...home,
        appointments: home.appointments.slice(0, 2),
        counts: { ...home.counts, appointments: 21 },
      }),
    );
    renderAt('/app', page);

    const card = await section(/Appointments/);
    expect(within(card).queryByText('No appointments tomorrow.')).not.toBeInTheDocument();
    expect(hrefOf(card, 'And 19 more')).toBe('/app/appointments');
  });

  it('says when the page could not load, and loads it again on request', async () => {
    let calls = 0;
    stubApi(
      stubs(aHome(), {
        'GET /api/v1/home': () =>
          ++calls === 1 ? problem(500, 'The database is asleep.') : { body: aHome() },
      }),
    );
    renderAt('/app', page);

    expect(await screen.findByText('The database is asleep.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('heading', { name: 'Good afternoon, Anna', level: 1 }),
    ).toBeInTheDocument();
  });
});
