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
  min_notice_minutes: 60,
  max_days_ahead: 60,
  buffer_before_minutes: 0,
  buffer_after_minutes: 10,
  requires_confirmation: false,
  public_booking: false,
  new_client_status: 'lead',
  reminder_offsets_minutes: [1440, 120],
  sms_notices: false,
};

/** What the form sends for the settings above when only the hours change. */
const online = {
  public_booking: false,
  requires_confirmation: false,
  new_client_status: 'lead',
  min_notice_minutes: 60,
  max_days_ahead: 60,
  buffer_before_minutes: 0,
  buffer_after_minutes: 10,
  reminder_offsets_minutes: [1440, 120],
  sms_notices: false,
};

const haircut = {
  id: 'sv_1',
  name: 'Haircut',
  description: null,
  duration_minutes: 45,
  price_minor: 3500,
  currency: 'EUR',
  active: true,
  public_booking: false,
  daily_cap: null,
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
        ...online,
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
      {
        name: 'Beard trim',
        description: null,
        duration_minutes: 20,
        price_minor: 1250,
        active: true,
        public_booking: false,
        daily_cap: null,
      },
    ]);
    expect(await screen.findByText('€12.50')).toBeInTheDocument();
  });

  it('sets up online booking: public page, confirmation, notice, reminders and texts', async () => {
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

    expect(await screen.findByRole('heading', { name: 'Online booking' })).toBeInTheDocument();
    const scope = screen;
    expect(scope.getByText(/\/book\/studio-anna$/)).toBeInTheDocument();
    expect(scope.getByText(/Turned off/)).toBeInTheDocument();
    await userEvent.click(scope.getByRole('checkbox', { name: /Take bookings on the public booking page/ }));
    expect(scope.getByText(/Share this link/)).toBeInTheDocument();
    await userEvent.click(scope.getByRole('checkbox', { name: /Bookings need our confirmation/ }));
    await userEvent.click(scope.getByRole('radio', { name: /An active client/ }));

    expect(scope.getByText('Clients and visitors can book up to 1 h before the start.')).toBeInTheDocument();
    await userEvent.clear(scope.getByLabelText('Minimum notice (minutes)'));
    await userEvent.type(scope.getByLabelText('Minimum notice (minutes)'), '1530');
    expect(
      scope.getByText('Clients and visitors can book up to 1 day 1 h 30 min before the start.'),
    ).toBeInTheDocument();
    await userEvent.clear(scope.getByLabelText('Book at most this many days ahead'));
    await userEvent.type(scope.getByLabelText('Book at most this many days ahead'), '30');
    await userEvent.clear(scope.getByLabelText('Free time before each appointment (minutes)'));
    await userEvent.type(scope.getByLabelText('Free time before each appointment (minutes)'), '5');

    const reminders = scope.getByRole('list', { name: 'Reminders' });
    expect(within(reminders).getByText('24 h before')).toBeInTheDocument();
    await userEvent.click(scope.getByRole('button', { name: 'Remove the reminder 2 h before' }));
    await userEvent.click(scope.getByRole('button', { name: 'Add a reminder 1 week before' }));
    await userEvent.type(scope.getByLabelText('Other time'), '3');
    await userEvent.selectOptions(scope.getByLabelText('Unit'), 'days before');
    await userEvent.click(scope.getByRole('button', { name: 'Add reminder' }));
    expect(within(reminders).getByText('3 days before')).toBeInTheDocument();
    await userEvent.click(scope.getByRole('checkbox', { name: /Also send text messages/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save booking settings' }));

    expect(await screen.findByText(/Booking settings saved/)).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        weekly_hours: settings.weekly_hours,
        closed_days: ['2026-12-25'],
        cancellation_cutoff_hours: 24,
        slot_step_minutes: 15,
        location: null,
        public_booking: true,
        requires_confirmation: true,
        new_client_status: 'active',
        min_notice_minutes: 1530,
        max_days_ahead: 30,
        buffer_before_minutes: 5,
        buffer_after_minutes: 10,
        reminder_offsets_minutes: [10080, 4320, 1440],
        sms_notices: true,
      },
    ]);
  });

  it('allows at most five reminders, checks the numbers, and shows the server’s messages by the fields', async () => {
    const fetch = stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/services': { body: { items: [] } },
      'GET /api/v1/booking-settings': { body: settings },
      'PUT /api/v1/booking-settings': problem(422, '2 fields are invalid.', [
        { field: 'buffer_after_minutes', message: 'Must be at most 240.' },
        { field: 'reminder_offsets_minutes[0]', message: 'At most 14 days before.' },
      ]),
    });
    renderAt('/app/settings/bookings', page);

    await userEvent.click(await screen.findByRole('button', { name: 'Add a reminder 1 week before' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add a reminder 2 days before' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add a reminder 1 h before' }));
    expect(screen.getByText(/That is the most there can be \(5\)/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Add a reminder/ })).not.toBeInTheDocument();

    await userEvent.clear(screen.getByLabelText('Book at most this many days ahead'));
    await userEvent.type(screen.getByLabelText('Book at most this many days ahead'), '0');
    await userEvent.click(screen.getByRole('button', { name: 'Save booking settings' }));
    expect(screen.getByText('A whole number of days from 1 to 730.')).toBeInTheDocument();
    expect(fetch.mock.calls.some(([r]) => (r as Request).method === 'PUT')).toBe(false);

    await userEvent.type(screen.getByLabelText('Book at most this many days ahead'), '9');
    await userEvent.click(screen.getByRole('button', { name: 'Save booking settings' }));
    expect(await screen.findByText('Must be at most 240.')).toBeInTheDocument();
    expect(screen.getByLabelText('Free time after each appointment (minutes)')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByText('At most 14 days before.')).toBeInTheDocument();
  });

  it('puts a service on the public page with a daily cap, and offers its own link', async () => {
    const bodies: unknown[] = [];
    let saved = false;
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/services': () => ({
        body: { items: [saved ? { ...haircut, public_booking: true, daily_cap: 8 } : haircut] },
      }),
      'GET /api/v1/booking-settings': { body: settings },
      'PATCH /api/v1/services/sv_1': async (request) => {
        bodies.push(await request.json());
        saved = true;
        return { body: { ...haircut, public_booking: true, daily_cap: 8 } };
      },
    });
    renderAt('/app/settings/bookings', page);

    await userEvent.click(await screen.findByRole('button', { name: 'Edit Haircut' }));
    const form = screen.getByRole('form', { name: 'Edit Haircut' });
    expect(within(form).getByRole('checkbox', { name: /On the public booking page/ })).not.toBeChecked();
    await userEvent.click(within(form).getByRole('checkbox', { name: /On the public booking page/ }));
    await userEvent.type(within(form).getByLabelText('Daily cap'), '0');
    await userEvent.click(within(form).getByRole('button', { name: 'Save service' }));
    expect(within(form).getByText('A whole number from 1 to 500, or empty for no cap.')).toBeInTheDocument();
    await userEvent.clear(within(form).getByLabelText('Daily cap'));
    await userEvent.type(within(form).getByLabelText('Daily cap'), '8');
    await userEvent.click(within(form).getByRole('button', { name: 'Save service' }));

    expect(await screen.findByText('Service “Haircut” saved')).toBeInTheDocument();
    expect(bodies).toEqual([{ public_booking: true, daily_cap: 8 }]);
    expect(await screen.findByText('Public')).toBeInTheDocument();
    expect(screen.getByText('At most 8 a day')).toBeInTheDocument();

    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await userEvent.click(screen.getByRole('button', { name: 'Copy the booking link for Haircut' }));
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/book/studio-anna/sv_1`);
    expect(await screen.findByText('Link copied')).toBeInTheDocument();
  });
});
