import { configure, screen, within } from '@testing-library/react';
import { afterEach } from 'vitest';
import { inPortal } from '@/test/portal';
import { renderAt, stubApi } from '@/test/testing';
import type { PortalAppointmentDetail } from './api';
import { AppointmentPage } from './AppointmentPage';
import { AppointmentsPage } from './AppointmentsPage';
import { BookingsSummary } from './BookingsSummary';
import { ReviewsPage } from './ReviewsPage';

configure({ asyncUtilTimeout: 4000 });

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

// The business (the "demo" tenant) is in Europe/Berlin: 08:00Z is 09:00 there, 03:00 in New York.
const appointment = {
  id: 'ap_1',
  service_name: 'Design consultation',
  staff_name: 'Anna Weber',
  location: 'Studio',
  duration_minutes: 60,
  starts_at: '2026-12-01T08:00:00Z',
  ends_at: '2026-12-01T09:00:00Z',
  status: 'confirmed',
  can_cancel: true,
  can_reschedule: true,
  can_review: false,
  cancel_deadline: '2026-11-30T08:00:00Z',
  history: [{ at: '2026-11-20T14:00:00Z', text: 'Booked for Tue 1 Dec, 09:00' }],
} as PortalAppointmentDetail;

/** The portal's `me` for a client whose profile says `zone`. */
const me = (zone: string | null) => ({
  body: {
    id: 'cl_1',
    name: 'Maria Lopez',
    email: 'maria@example.com',
    email_opt_out: false,
    impersonated: false,
    tenant_name: 'Lumen Design Studio',
    tenant_slug: 'demo',
    tenant_language: 'en',
    tenant_time_zone: 'Europe/Berlin',
    time_zone: zone,
  },
});

function openAppointment(zone: string) {
  stubApi({
    'GET /api/v1/portal/me': me(zone),
    'GET /api/v1/portal/appointments/ap_1': { body: appointment },
  });
  renderAt('/portal/demo/appointments/ap_1', [
    { path: '/portal/demo/appointments/:id', element: inPortal(<AppointmentPage />) },
  ]);
}

describe('the appointment page', () => {
  it('shows the time on the business’s clock when the client is in its zone', async () => {
    openAppointment('Europe/Berlin');
    expect(await screen.findByText('09:00–10:00 · 60 min')).toBeVisible();
    expect(screen.getByText('Time (Europe/Berlin)')).toBeVisible();
    expect(screen.getByText('Tuesday 1 December')).toBeVisible();
    expect(
      screen.getByText('You can move or cancel this appointment until 30 Nov 2026, 09:00.'),
    ).toBeVisible();
    expect(screen.queryByText(/the business is in/)).not.toBeInTheDocument();
    expect(screen.getByText('20 Nov 2026, 15:00')).toBeVisible();
  });

  it('shows the time on the client’s clock, and names the business’s zone, when they differ', async () => {
    openAppointment('America/New_York');
    expect(await screen.findByText('03:00–04:00 · 60 min')).toBeVisible();
    expect(screen.getByText('Time (America/New_York)')).toBeVisible();
    expect(screen.getByText('Tuesday 1 December')).toBeVisible();
    expect(screen.getByText('Times in America/New_York (the business is in Europe/Berlin).')).toBeVisible();
    expect(
      screen.getByText(
        'You can move or cancel this appointment until 30 Nov 2026, 03:00 (America/New_York).',
      ),
    ).toBeVisible();
    // When things happened, on the client's clock; what the server wrote, as it wrote it.
    expect(screen.getByText('20 Nov 2026, 09:00')).toBeVisible();
    expect(screen.getByText('Booked for Tue 1 Dec, 09:00')).toBeVisible();
  });

  it('moves the day too when the client’s clock is already on another one', async () => {
    stubApi({
      'GET /api/v1/portal/me': me('Pacific/Auckland'),
      'GET /api/v1/portal/appointments/ap_1': {
        body: { ...appointment, starts_at: '2026-12-01T16:00:00Z', ends_at: '2026-12-01T17:00:00Z' },
      },
    });
    renderAt('/portal/demo/appointments/ap_1', [
      { path: '/portal/demo/appointments/:id', element: inPortal(<AppointmentPage />) },
    ]);
    // 16:00Z is 05:00 the next morning in Auckland (UTC+13 in December).
    expect(await screen.findByText('05:00–06:00 · 60 min')).toBeVisible();
    expect(screen.getByText('Wednesday 2 December')).toBeVisible();
  });
});

describe('the appointments list', () => {
  function openList(zone: string) {
    stubApi({
      'GET /api/v1/portal/me': me(zone),
      'GET /api/v1/portal/appointments': { body: { items: [appointment], next_cursor: null } },
    });
    renderAt('/portal/demo/appointments', [
      { path: '/portal/demo/appointments', element: inPortal(<AppointmentsPage />) },
    ]);
  }

  it('shows each time on the business’s clock for a client in its zone', async () => {
    openList('Europe/Berlin');
    const card = await screen.findByRole('link', { name: /Design consultation/ });
    expect(within(card).getByText('09:00')).toBeVisible();
    expect(within(card).getByText('Tuesday 1 December')).toBeVisible();
    expect(screen.getByText('Your bookings with Lumen Design Studio, in Europe/Berlin time.')).toBeVisible();
  });

  it('shows each time on the client’s clock, naming both zones, when they differ', async () => {
    openList('America/New_York');
    const card = await screen.findByRole('link', { name: /Design consultation/ });
    expect(within(card).getByText('03:00')).toBeVisible();
    expect(within(card).getByText('Tuesday 1 December')).toBeVisible();
    expect(
      screen.getByText(
        'Your bookings with Lumen Design Studio, in your time zone, America/New_York (the business is in Europe/Berlin).',
      ),
    ).toBeVisible();
  });
});

describe('the dashboard’s next appointment', () => {
  function openDashboard(zone: string) {
    stubApi({
      'GET /api/v1/portal/me': me(zone),
      'GET /api/v1/portal/appointments': { body: { items: [appointment], next_cursor: null } },
      'GET /api/v1/portal/dashboard': {
        body: {
          active_projects: 0,
          completed_projects: 0,
          amount_due: [],
          contracts_awaiting_signature: 0,
          deliverables_awaiting_approval: 0,
          open_service_orders: 0,
          quotes_awaiting_decision: 0,
          ready_service_orders: 0,
          upcoming_appointments: 1,
          recent_activity: [
            { at: '2026-11-20T14:00:00Z', kind: 'appointment', text: 'Design consultation booked' },
          ],
        },
      },
    });
    renderAt('/portal/demo', [{ path: '/portal/demo', element: inPortal(<BookingsSummary />) }]);
  }

  it('says when on the business’s clock, and which clock, for a client in its zone', async () => {
    openDashboard('Europe/Berlin');
    expect(await screen.findByText('Tuesday 1 December, 09:00 with Anna Weber')).toBeVisible();
    expect(screen.getByText('Times in Europe/Berlin.')).toBeVisible();
    expect(screen.getByText('20 Nov 2026, 15:00')).toBeVisible();
  });

  it('says when on the client’s clock, naming the business’s zone, when they differ', async () => {
    openDashboard('America/New_York');
    expect(await screen.findByText('Tuesday 1 December, 03:00 with Anna Weber')).toBeVisible();
    expect(screen.getByText('Times in America/New_York (the business is in Europe/Berlin).')).toBeVisible();
    expect(screen.getByText('20 Nov 2026, 09:00')).toBeVisible();
    expect(screen.getByText('Design consultation booked')).toBeVisible();
  });
});

it('dates each review’s appointment on the client’s clock', async () => {
  stubApi({
    'GET /api/v1/portal/me': me('America/New_York'),
    'GET /api/v1/portal/reviews': {
      body: {
        items: [
          {
            id: 'r1',
            appointment_id: 'ap_1',
            service_name: 'Design consultation',
            // Already 5 November in Berlin, still the 4th in New York.
            appointment_starts_at: '2026-11-05T02:00:00Z',
            rating: 5,
            text: null,
            status: 'approved',
            created_at: '2026-11-06T10:00:00Z',
          },
        ],
      },
    },
  });
  renderAt('/portal/demo/reviews', [{ path: '/portal/demo/reviews', element: inPortal(<ReviewsPage />) }]);
  expect(await screen.findByRole('link', { name: 'Design consultation, 4 Nov 2026' })).toBeVisible();
});
