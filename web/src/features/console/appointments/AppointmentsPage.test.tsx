import { onTestFinished, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppointmentsPage } from './AppointmentsPage';
import { anAppointment, staffList } from './fixtures';
import { me, renderAt, requestsOf, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/appointments', element: <AppointmentsPage /> }];
const common = {
  'GET /api/v1/me': { body: me },
  'GET /api/v1/tenant': { body: tenant },
  'GET /api/v1/staff': { body: staffList },
};

describe('AppointmentsPage', () => {
  it('groups the week by day in the business’s time zone, not UTC', async () => {
    // Days are named "Today" when they are today: pin the clock away from the fixture's week.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-10T12:00:00Z'));
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const fetch = stubApi({
      ...common,
      'GET /api/v1/appointments': {
        body: {
          items: [
            anAppointment({
              id: 'ap_3',
              client_name: 'Tom Berg',
              starts_at: '2026-12-01T13:00:00Z',
              ends_at: '2026-12-01T14:00:00Z',
            }),
            // 23:30 UTC on Monday is already 00:30 on Tuesday in Paris.
            anAppointment({
              id: 'ap_2',
              client_name: 'Zoe Archer',
              starts_at: '2026-11-30T23:30:00Z',
              ends_at: '2026-12-01T00:15:00Z',
              status: 'pending',
              staff_id: null,
              staff_name: null,
            }),
            anAppointment({ id: 'ap_1', starts_at: '2026-11-30T08:00:00Z', ends_at: '2026-11-30T08:45:00Z' }),
          ],
          next_cursor: null,
        },
      },
    });
    renderAt('/app/appointments?week=2026-12-02', page);

    const monday = await screen.findByRole('region', { name: 'Monday 30 November' });
    const tuesday = screen.getByRole('region', { name: 'Tuesday 1 December' });
    expect(within(monday).getAllByRole('row').slice(1)).toHaveLength(1);
    expect(within(monday).getByRole('link', { name: /09:00 – 09:45/ })).toHaveAttribute(
      'href',
      '/app/appointments/ap_1',
    );
    expect(within(monday).getByRole('link', { name: 'Maria Lopez' })).toHaveAttribute(
      'href',
      '/app/clients/cl_1',
    );

    const rows = within(tuesday).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText(/00:30 – 01:15/)).toBeInTheDocument();
    expect(within(rows[0]!).getByText('Zoe Archer')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('Pending')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('Unassigned')).toBeInTheDocument();
    expect(within(rows[1]!).getByText(/14:00 – 15:00/)).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Confirmed')).toBeInTheDocument();

    // Pending ones stand out, and one click shows only them.
    expect(screen.getByText('1 appointment this week waits for confirmation.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show only these' }));
    expect(screen.getByTestId('address')).toHaveTextContent(
      '/app/appointments?week=2026-12-02&status=pending',
    );

    // The week runs from Monday 00:00 to the next Monday 00:00, Paris time.
    expect(requestsOf(fetch)).toContain(
      'GET /api/v1/appointments?from=2026-11-29T23%3A00%3A00.000Z&to=2026-12-06T23%3A00%3A00.000Z&limit=100',
    );
  });

  it('moves between weeks and filters by staff, keeping both in the address', async () => {
    const fetch = stubApi({
      ...common,
      'GET /api/v1/appointments': { body: { items: [], next_cursor: null } },
    });
    renderAt('/app/appointments?week=2026-11-30', page);

    expect(await screen.findByText('No appointments this week')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next week →' }));
    expect(screen.getByTestId('address')).toHaveTextContent('/app/appointments?week=2026-12-07');

    await screen.findByRole('option', { name: 'Jo Park' }, { timeout: 5000 });
    await userEvent.selectOptions(screen.getByLabelText('Staff'), 'st_2');
    expect(screen.getByTestId('address')).toHaveTextContent('/app/appointments?week=2026-12-07&staff=st_2');
    expect(await screen.findByText('No appointments match')).toBeInTheDocument();
    await waitFor(() =>
      expect(requestsOf(fetch)).toContain(
        'GET /api/v1/appointments?from=2026-12-06T23%3A00%3A00.000Z&to=2026-12-13T23%3A00%3A00.000Z&staff_id=st_2&limit=100',
      ),
    );
  });

  it('shows all of one client’s appointments, whatever the week, until “Show all”', async () => {
    const fetch = stubApi({
      ...common,
      'GET /api/v1/clients/cl_1': { body: { id: 'cl_1', name: 'Maria Lopez' } },
      'GET /api/v1/appointments': (request) => {
        const query = new URL(request.url).searchParams;
        const items =
          query.get('client_id') === 'cl_1'
            ? [
                anAppointment({
                  id: 'ap_1',
                  starts_at: '2025-06-02T08:00:00Z',
                  ends_at: '2025-06-02T08:45:00Z',
                }),
                anAppointment({
                  id: 'ap_2',
                  starts_at: '2026-12-01T09:00:00Z',
                  ends_at: '2026-12-01T09:45:00Z',
                  status: 'pending',
                }),
              ]
            : [anAppointment({ id: 'ap_3', client_id: 'cl_2', client_name: 'Tom Berg' })];
        return { body: { items, next_cursor: null } };
      },
    });
    renderAt('/app/appointments?week=2026-11-30&staff=st_1&client_id=cl_1', page);

    expect(await screen.findByText('Showing only Maria Lopez’s appointments.')).toBeInTheDocument();
    // Every date, so the days say their year; no week to choose.
    expect(await screen.findByRole('region', { name: 'Monday, 2 June 2025' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Tuesday, 1 December 2026' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'All dates, earliest first' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Choose the week' })).toBeNull();
    expect(screen.getByText('1 of these appointments waits for confirmation.')).toBeInTheDocument();
    expect(screen.getByLabelText('Staff')).toHaveValue('st_1');
    expect(requestsOf(fetch)).toContain('GET /api/v1/appointments?staff_id=st_1&client_id=cl_1&limit=100');

    await userEvent.click(screen.getByRole('link', { name: 'Show all appointments' }));
    expect(screen.getByTestId('address')).toHaveTextContent(
      /^\/app\/appointments\?week=2026-11-30&staff=st_1$/,
    );
    expect(await screen.findByText('Tom Berg')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Choose the week' })).toBeInTheDocument();
    expect(screen.queryByText(/Showing only/)).toBeNull();
  });

  it('offers to book a client who has no appointments yet', async () => {
    stubApi({
      ...common,
      'GET /api/v1/clients/cl_1': { body: { id: 'cl_1', name: 'Maria Lopez' } },
      'GET /api/v1/appointments': { body: { items: [], next_cursor: null } },
    });
    renderAt('/app/appointments?client_id=cl_1', page);

    expect(
      await screen.findByText('This client has no appointments yet. Book their first one here.'),
    ).toBeInTheDocument();
    const book = screen.getAllByRole('link', { name: 'New appointment' });
    expect(book.map((l) => l.getAttribute('href'))).toContain('/app/appointments/new?client_id=cl_1');
  });
});
