import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anAppointment, staffList } from './fixtures';
import { NewAppointmentPage } from './NewAppointmentPage';
import { me, problem, renderAt, stubApi, tenant, type Reply } from '@/test/testing';

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

async function fillIn() {
  const client = await screen.findByRole('combobox', { name: 'Client' });
  await userEvent.type(client, 'mar');
  await screen.findByRole('option', { name: /Maria Lopez/ });
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

  it('says what is missing, and shows the server’s reason when the time is taken', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/staff': { body: staffList },
      'GET /api/v1/services': { body: services },
      'GET /api/v1/clients': { body: { items: [maria], next_cursor: null } },
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
});
