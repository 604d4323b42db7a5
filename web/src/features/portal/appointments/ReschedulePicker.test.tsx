import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { PortalContext, portalInfo } from '@/lib/portal';
import { renderAt, stubApi } from '@/test/testing';
import type { PortalAppointment } from './api';
import { ReschedulePicker } from './ReschedulePicker';

const branding = {
  slug: 'demo',
  name: 'Lumen Design Studio',
  primary_color: '#4f46e5',
  primary_text_color: '#ffffff',
  accent_color: '#f59e0b',
  login_title: 'Lumen',
  timezone: 'Europe/Berlin',
  locale: 'en-GB',
  language: 'en' as const,
  sms_login: false,
  remember_device: true,
};

const appointment = {
  id: 'ap_1',
  service_name: 'Design consultation',
  duration_minutes: 60,
  starts_at: '2026-12-01T09:00:00Z',
  ends_at: '2026-12-01T10:00:00Z',
  status: 'confirmed',
  can_cancel: true,
  can_reschedule: true,
  can_review: false,
  cancel_deadline: '2026-11-30T09:00:00Z',
} as PortalAppointment;

afterEach(() => {
  vi.useRealTimers();
});

it('offers one day’s times at a time, on the client’s clock, and moves into the chosen one', async () => {
  // Only the clock's date is fixed (timers stay real for the user's clicks): the week before.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-25T10:00:00Z'));
  const fetch = stubApi({
    'GET /api/v1/portal/me': {
      body: {
        id: 'cl_1',
        tenant_time_zone: 'Europe/Berlin',
        time_zone: 'Europe/Berlin',
        impersonated: false,
      },
    },
    'GET /api/v1/portal/appointments/ap_1/slots': {
      body: {
        timezone: 'Europe/Berlin',
        duration_minutes: 60,
        slots: [
          { starts_at: '2026-12-02T08:00:00Z', ends_at: '2026-12-02T09:00:00Z' },
          { starts_at: '2026-12-02T13:30:00Z', ends_at: '2026-12-02T14:30:00Z' },
          // 23:30 UTC is already Friday in Berlin.
          { starts_at: '2026-12-03T23:30:00Z', ends_at: '2026-12-04T00:30:00Z' },
        ],
      },
    },
    'POST /api/v1/portal/appointments/ap_1/reschedule': (req) => ({
      body: { ...appointment, starts_at: req.url },
    }),
  });
  const onDone = vi.fn();
  const user = userEvent.setup();
  renderAt('/', [
    {
      path: '/',
      element: (
        <PortalContext.Provider value={portalInfo(branding, '/portal/demo')}>
          <ReschedulePicker appointment={appointment} onDone={onDone} />
        </PortalContext.Provider>
      ),
    },
  ]);

  expect(await screen.findByRole('button', { name: /Wed 2 Dec\s*2 times/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(screen.getAllByRole('radio').map((r) => r.closest('label')!.textContent)).toEqual([
    '09:00',
    '14:30',
  ]);

  await user.click(screen.getByRole('button', { name: /Fri 4 Dec\s*1 time/ }));
  expect(screen.getAllByRole('radio').map((r) => r.closest('label')!.textContent)).toEqual(['00:30']);

  await user.click(screen.getByRole('radio', { name: '00:30' }));
  await user.click(screen.getByRole('button', { name: 'Move to Friday 4 December, 00:30' }));
  await waitFor(() => expect(onDone).toHaveBeenCalled());
  const post = fetch.mock.calls.map(([r]) => r as Request).find((r) => r.method === 'POST')!;
  expect(await post.clone().json()).toEqual({ starts_at: '2026-12-03T23:30:00Z' });
  expect(screen.getByText('Moved to Friday 4 December, 00:30')).toBeVisible();
});
