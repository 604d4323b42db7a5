import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BookingSettingsPage } from './BookingSettingsPage';
import { me, problem, renderAt, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/settings/bookings', element: <BookingSettingsPage /> }];

const settings = {
  timezone: 'Europe/Paris',
  weekly_hours: [
    { weekday: 1, opens: '09:00', closes: '12:30' },
    { weekday: 1, opens: '13:30', closes: '18:00' },
    { weekday: 2, opens: '09:00', closes: '17:00' },
  ],
  closed_days: ['2026-12-25'],
  cancellation_cutoff_hours: 24,
  slot_step_minutes: 15,
  location: null,
};

const haircut = {
  id: 'sv_1',
  name: 'Haircut',
  description: null,
  duration_minutes: 45,
  price_minor: 3500,
  currency: 'EUR',
  active: true,
  created_at: '2026-01-01T10:00:00Z',
  updated_at: '2026-01-01T10:00:00Z',
};

describe('BookingSettingsPage', () => {
  it('edits the weekly hours and closed days and saves them with PUT', async () => {
    const bodies: unknown[] = [];
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/services': { body: { items: [haircut] } },
      'GET /api/v1/booking-settings': { body: settings },
      'PUT /api/v1/booking-settings': async (request) => {
        const body = (await request.json()) as Record<string, unknown>;
        bodies.push(body);
        return { body: { ...settings, ...body } };
      },
    });
    renderAt('/app/settings/bookings', page);

    expect(await screen.findByText('Haircut')).toBeInTheDocument();
    expect(screen.getByText('€35.00')).toBeInTheDocument();
    expect(await screen.findByRole('group', { name: 'Monday, hours 2' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Open on Wednesday' })).not.toBeChecked();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Open on Wednesday' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove Monday hours 2' }));
    await userEvent.click(screen.getByRole('button', { name: /Remove closed day/ }));
    await userEvent.type(screen.getByLabelText('Add a closed day'), '2027-01-01');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    await userEvent.clear(screen.getByLabelText('Cancellation cutoff (hours)'));
    await userEvent.type(screen.getByLabelText('Cancellation cutoff (hours)'), '12');
    await userEvent.type(screen.getByLabelText('Default location'), 'Rue de Rivoli 1');
    await userEvent.click(screen.getByRole('button', { name: 'Save booking settings' }));

    expect(await screen.findByText(/Booking settings saved/)).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        weekly_hours: [
          { weekday: 1, opens: '09:00', closes: '12:30' },
          { weekday: 2, opens: '09:00', closes: '17:00' },
          { weekday: 3, opens: '09:00', closes: '17:00' },
        ],
        closed_days: ['2027-01-01'],
        cancellation_cutoff_hours: 12,
        slot_step_minutes: 15,
        location: 'Rue de Rivoli 1',
      },
    ]);
  });

  it('refuses hours that close before they open, and shows the server’s field errors', async () => {
    const fetch = stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/services': { body: { items: [] } },
      'GET /api/v1/booking-settings': { body: settings },
      'PUT /api/v1/booking-settings': problem(422, '1 field is invalid.', [
        { field: 'slot_step_minutes', message: 'Must divide 60, e.g. 10, 15 or 30.' },
      ]),
    });
    renderAt('/app/settings/bookings', page);

    expect(await screen.findByText('No services yet')).toBeInTheDocument();
    const tuesday = await screen.findByRole('group', { name: 'Tuesday, hours 1' });
    const closes = within(tuesday).getByLabelText('Closes');
    await userEvent.clear(closes);
    await userEvent.type(closes, '08:00');
    await userEvent.click(screen.getByRole('button', { name: 'Save booking settings' }));
    expect(within(tuesday).getByText('Closing must be after opening.')).toBeInTheDocument();
    expect(fetch.mock.calls.some(([r]) => (r as Request).method === 'PUT')).toBe(false);

    await userEvent.clear(closes);
    await userEvent.type(closes, '17:00');
    await userEvent.click(screen.getByRole('button', { name: 'Save booking settings' }));
    expect(await screen.findByText('Must divide 60, e.g. 10, 15 or 30.')).toBeInTheDocument();
  });

  it('tells members that only owners and admins change these settings', async () => {
    stubApi({
      'GET /api/v1/me': { body: { ...me, role: 'member' } },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/services': { body: { items: [] } },
      'GET /api/v1/booking-settings': { body: settings },
    });
    renderAt('/app/settings/bookings', page);
    expect(await screen.findByText(/Only owners and admins can change/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save booking settings' })).not.toBeInTheDocument();
  });

  it('adds a service with its price typed as money', async () => {
    const bodies: unknown[] = [];
    let created = false;
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/services': () => ({
        body: { items: created ? [{ ...haircut, id: 'sv_2', name: 'Beard trim', price_minor: 1250 }] : [] },
      }),
      'GET /api/v1/booking-settings': { body: settings },
      'POST /api/v1/services': async (request) => {
        bodies.push(await request.json());
        created = true;
        return { status: 201, body: { ...haircut, id: 'sv_2', name: 'Beard trim', price_minor: 1250 } };
      },
    });
    renderAt('/app/settings/bookings', page);

    await userEvent.click(await screen.findByRole('button', { name: 'Add your first service' }));
    const form = screen.getByRole('form', { name: 'New service' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Beard trim');
    await userEvent.type(within(form).getByLabelText('Duration (minutes)'), '20');
    await userEvent.type(within(form).getByLabelText('Price (EUR)'), '12,5');
    await userEvent.click(within(form).getByRole('button', { name: 'Add service' }));

    expect(await screen.findByText('Service “Beard trim” added')).toBeInTheDocument();
    expect(bodies).toEqual([
      { name: 'Beard trim', description: null, duration_minutes: 20, price_minor: 1250, active: true },
    ]);
    expect(await screen.findByText('€12.50')).toBeInTheDocument();
  });
});
