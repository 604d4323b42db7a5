import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anAppointment, staffList } from './fixtures';
import { NewAppointmentPage } from './NewAppointmentPage';
import { me, problem, renderAt, requestsOf, stubApi, tenant, type Reply } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [
  { path: '/app/appointments/new', element: <NewAppointmentPage /> },
  { path: '/app/appointments/:id', element: <p>Appointment page</p> },
];

const services = {
  items: [
    {
      id: 'sv_1',
      name: 'Haircut',
      description: null,
      duration_minutes: 45,
      price_minor: 3500,
      currency: 'EUR',
      active: true,
      created_at: '2026-01-01T10:00:00Z',
      updated_at: '2026-01-01T10:00:00Z',
    },
  ],
};

const maria = {
  id: 'cl_1',
  name: 'Maria Lopez',
  email: 'maria@example.com',
  phone: null,
  company: 'Lopez Design SL',
  notes: null,
  status: 'active',
  portal_enabled: true,
  invited_at: null,
  last_login_at: null,
  created_at: '2025-03-01T10:00:00Z',
  updated_at: '2025-03-01T10:00:00Z',
};

/** Free starts, in UTC: 09:00, 10:00 and 10:30 in Paris on Monday 29 March 2027, 09:00 on the 30th. */
const FREE = ['2027-03-29T07:00:00Z', '2027-03-29T08:00:00Z', '2027-03-29T08:30:00Z', '2027-03-30T07:00:00Z'];

/** `GET /api/v1/availability`, answering the free starts between `from` and `to`. */
function availability(request: Request): Reply {
  const query = new URL(request.url).searchParams;
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const slots = FREE.filter((s) => s.slice(0, 10) >= from && s.slice(0, 10) <= to).map((starts_at) => ({
    starts_at,
    ends_at: new Date(Date.parse(starts_at) + 45 * 60_000).toISOString(),
  }));
  return { body: { timezone: 'Europe/Paris', duration_minutes: 45, slots } };
}

async function pickClient() {
  const client = await screen.findByRole('combobox', { name: 'Client' });
  await userEvent.type(client, 'mar');
  await screen.findByRole('option', { name: /Maria Lopez/ }, { timeout: 5000 });
  await userEvent.keyboard('{ArrowDown}{Enter}');
}

async function fillIn() {
  const client = await screen.findByRole('combobox', { name: 'Client' });
  await userEvent.type(client, 'mar');
  await screen.findByRole('option', { name: /Maria Lopez/ }, { timeout: 5000 });
  await userEvent.keyboard('{ArrowDown}{Enter}');
  expect(screen.getByRole('group', { name: 'Client' })).toHaveTextContent('Maria Lopez');
  await userEvent.selectOptions(screen.getByLabelText('Service'), 'sv_1');
  expect(screen.getByText('Takes 45 min and costs €35.00.')).toBeInTheDocument();
  await userEvent.selectOptions(screen.getByLabelText('Staff member'), 'st_2');
  await userEvent.clear(screen.getByLabelText('Date'));
  await userEvent.type(screen.getByLabelText('Date'), '2027-03-29');
  await userEvent.type(screen.getByLabelText('Start time'), '10:00');
}

describe('NewAppointmentPage', () => {
  it('books in the business’s time zone and opens the new appointment', async () => {
    const bodies: unknown[] = [];
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/staff': { body: staffList },
      'GET /api/v1/services': { body: services },
      'GET /api/v1/clients': { body: { items: [maria], next_cursor: null } },
      'GET /api/v1/availability': availability,
      'POST /api/v1/appointments': async (request): Promise<Reply> => {
        bodies.push(await request.json());
        return {
          status: 201,
          body: anAppointment({
            id: 'ap_9',
            starts_at: '2027-03-29T08:00:00Z',
            ends_at: '2027-03-29T08:45:00Z',
          }),
        };
      },
    });
    renderAt('/app/appointments/new', page);
    await fillIn();
    // 10:00 is one of the free times: nothing to confirm.
    expect(await screen.findByRole('button', { name: '10:00', pressed: true })).toBeInTheDocument();
    expect(screen.queryByText(/the client was not offered this time/)).not.toBeInTheDocument();
    expect(screen.getByText(/The client gets a confirmation email with a calendar file/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Book appointment' }));

    expect(
      await screen.findByText('Appointment booked — Maria Lopez, Monday 29 March at 10:00'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('address')).toHaveTextContent('/app/appointments/ap_9');
    // 10:00 in Paris, the day after clocks went forward: UTC+2.
    expect(bodies).toEqual([
      {
        client_id: 'cl_1',
        service_id: 'sv_1',
        staff_id: 'st_2',
        starts_at: '2027-03-29T08:00:00.000Z',
        status: 'confirmed',
      },
    ]);
  });

  it('starts with the client in the address chosen, and books for them', async () => {
    const bodies: unknown[] = [];
    const fetch = stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/staff': { body: staffList },
      'GET /api/v1/services': { body: services },
      'GET /api/v1/clients/cl_1': { body: maria },
      'GET /api/v1/availability': availability,
      'POST /api/v1/appointments': async (request): Promise<Reply> => {
        bodies.push(await request.json());
        return {
          status: 201,
          body: anAppointment({
            id: 'ap_9',
            starts_at: '2027-03-29T08:00:00Z',
            ends_at: '2027-03-29T08:45:00Z',
          }),
        };
      },
    });
    renderAt('/app/appointments/new?client_id=cl_1', page);

    expect(await screen.findByRole('group', { name: 'Client' })).toHaveTextContent('Maria Lopez');
    await userEvent.selectOptions(screen.getByLabelText('Service'), 'sv_1');
    await userEvent.clear(screen.getByLabelText('Date'));
    await userEvent.type(screen.getByLabelText('Date'), '2027-03-29');
    await userEvent.type(screen.getByLabelText('Start time'), '10:00');
    expect(await screen.findByRole('button', { name: '10:00', pressed: true })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Book appointment' }));

    expect(await screen.findByTestId('address')).toHaveTextContent('/app/appointments/ap_9');
    expect(bodies).toEqual([
      { client_id: 'cl_1', service_id: 'sv_1', starts_at: '2027-03-29T08:00:00.000Z', status: 'confirmed' },
    ]);
    // Nobody was searched for: the client came with the address.
    expect(requestsOf(fetch).filter((r) => r.startsWith('GET /api/v1/clients?'))).toEqual([]);
  });

  it('asks for the client as usual when the one in the address is not found', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/staff': { body: staffList },
      'GET /api/v1/services': { body: services },
      'GET /api/v1/clients': { body: { items: [maria], next_cursor: null } },
      'GET /api/v1/clients/cl_9': problem(404, 'No such client.'),
    });
    renderAt('/app/appointments/new?client_id=cl_9', page);

    expect(await screen.findByRole('combobox', { name: 'Client' })).toHaveValue('');
    await userEvent.click(screen.getByRole('button', { name: 'Book appointment' }));
    expect(screen.getByText('Choose the client.')).toBeInTheDocument();
  });

  it('says what is missing, and shows the server’s reason when the time is taken', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/staff': { body: staffList },
      'GET /api/v1/services': { body: services },
      'GET /api/v1/clients': { body: { items: [maria], next_cursor: null } },
      'GET /api/v1/availability': availability,
      'POST /api/v1/appointments': problem(409, 'Jo Park already has an appointment from 09:30 to 10:15.'),
    });
    renderAt('/app/appointments/new', page);

    await userEvent.click(await screen.findByRole('button', { name: 'Book appointment' }));
    expect(screen.getByText('Choose the client.')).toBeInTheDocument();
    expect(screen.getByText('Choose a service.')).toBeInTheDocument();
    expect(screen.getByText('Enter the start time.')).toBeInTheDocument();

    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Book appointment' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Jo Park already has an appointment from 09:30 to 10:15.',
    );
  });

  it('shows the free times of the service and staff member, a week at a time, and books the one picked', async () => {
    const bodies: unknown[] = [];
    const fetch = stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/staff': { body: staffList },
      'GET /api/v1/services': { body: services },
      'GET /api/v1/clients': { body: { items: [maria], next_cursor: null } },
      'GET /api/v1/availability': availability,
      'POST /api/v1/appointments': async (request): Promise<Reply> => {
        bodies.push(await request.json());
        return {
          status: 201,
          body: anAppointment({
            id: 'ap_9',
            starts_at: '2027-03-29T08:30:00Z',
            ends_at: '2027-03-29T09:15:00Z',
          }),
        };
      },
    });
    renderAt('/app/appointments/new', page);
    await pickClient();
    expect(screen.getByText('Choose a service to see its free times.')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Date'));
    await userEvent.type(screen.getByLabelText('Date'), '2027-03-29');
    await userEvent.selectOptions(screen.getByLabelText('Service'), 'sv_1');
    await userEvent.selectOptions(screen.getByLabelText('Staff member'), 'st_2');

    const monday = await screen.findByRole('group', { name: 'Monday 29 March' });
    expect(
      within(monday)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['09:00', '10:00', '10:30']);
    expect(screen.getByRole('group', { name: 'Tuesday 30 March' })).toBeInTheDocument();
    expect(requestsOf(fetch)).toContain(
      'GET /api/v1/availability?service_id=sv_1&staff_id=st_2&from=2027-03-29&to=2027-04-04',
    );

    await userEvent.click(within(monday).getByRole('button', { name: '10:30' }));
    expect(screen.getByLabelText('Start time')).toHaveValue('10:30');
    expect(within(monday).getByRole('button', { name: '10:30' })).toHaveAttribute('aria-pressed', 'true');

    await userEvent.click(screen.getByRole('button', { name: 'Next 7 days →' }));
    expect(
      await screen.findByText(/No free times between Monday 5 April and Sunday 11 April/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '← Previous 7 days' }));
    expect(await screen.findByRole('group', { name: 'Monday 29 March' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Book appointment' }));
    expect(await screen.findByTestId('address')).toHaveTextContent('/app/appointments/ap_9');
    expect(bodies).toEqual([
      {
        client_id: 'cl_1',
        service_id: 'sv_1',
        staff_id: 'st_2',
        starts_at: '2027-03-29T08:30:00.000Z',
        status: 'confirmed',
      },
    ]);
  });

  it('warns about a time that was not offered, and books it only with “Book anyway” ticked', async () => {
    const bodies: unknown[] = [];
    const fetch = stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/staff': { body: staffList },
      'GET /api/v1/services': { body: services },
      'GET /api/v1/clients': { body: { items: [maria], next_cursor: null } },
      'GET /api/v1/availability': availability,
      'POST /api/v1/appointments': async (request): Promise<Reply> => {
        bodies.push(await request.json());
        return {
          status: 201,
          body: anAppointment({
            id: 'ap_9',
            starts_at: '2027-03-29T05:00:00Z',
            ends_at: '2027-03-29T05:45:00Z',
          }),
        };
      },
    });
    renderAt('/app/appointments/new', page);
    await pickClient();
    await userEvent.selectOptions(screen.getByLabelText('Service'), 'sv_1');
    await userEvent.clear(screen.getByLabelText('Date'));
    await userEvent.type(screen.getByLabelText('Date'), '2027-03-29');
    await userEvent.type(screen.getByLabelText('Start time'), '07:00');

    expect(
      await screen.findByText('Outside opening hours or not free: the client was not offered this time.'),
    ).toBeInTheDocument();
    const anyway = screen.getByRole('checkbox', { name: /Book anyway/ });
    expect(anyway).not.toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Book appointment' }));
    expect(
      screen.getByText('Tick “Book anyway” to book this time, or pick one of the free times.'),
    ).toBeInTheDocument();
    expect(requestsOf(fetch).some((r) => r.startsWith('POST'))).toBe(false);

    await userEvent.click(anyway);
    await userEvent.click(screen.getByRole('button', { name: 'Book appointment' }));
    expect(await screen.findByTestId('address')).toHaveTextContent('/app/appointments/ap_9');
    expect(bodies).toEqual([
      { client_id: 'cl_1', service_id: 'sv_1', starts_at: '2027-03-29T05:00:00.000Z', status: 'confirmed' },
    ]);
  });

  it('asks again after the time changes, and a free time needs no confirming', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/staff': { body: staffList },
      'GET /api/v1/services': { body: services },
      'GET /api/v1/clients': { body: { items: [maria], next_cursor: null } },
      'GET /api/v1/availability': availability,
    });
    renderAt('/app/appointments/new', page);
    await userEvent.selectOptions(await screen.findByLabelText('Service'), 'sv_1');
    await userEvent.clear(screen.getByLabelText('Date'));
    await userEvent.type(screen.getByLabelText('Date'), '2027-03-29');
    await userEvent.type(screen.getByLabelText('Start time'), '07:00');
    await userEvent.click(await screen.findByRole('checkbox', { name: /Book anyway/ }));
    await userEvent.clear(screen.getByLabelText('Start time'));
    await userEvent.type(screen.getByLabelText('Start time'), '07:15');
    expect(await screen.findByRole('checkbox', { name: /Book anyway/ })).not.toBeChecked();

    await userEvent.click(
      within(screen.getByRole('group', { name: 'Monday 29 March' })).getByRole('button', { name: '09:00' }),
    );
    expect(screen.queryByRole('checkbox', { name: /Book anyway/ })).not.toBeInTheDocument();
  });
});
