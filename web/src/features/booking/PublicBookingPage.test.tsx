import { configure, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { clockTime } from '@/components/booking/time';
import { addDays, todayIn } from '@/lib/format';
import { browserZone } from '@/lib/portal-zone';
import { branding } from '@/test/portal';
import { problem, renderAt, stubApi } from '@/test/testing';
import { PublicBookingPage } from './PublicBookingPage';

configure({ asyncUtilTimeout: 4000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const user = userEvent.setup({ delay: null });

const zone = browserZone();
const day = addDays(todayIn(zone), 3);
const slot = { starts_at: `${day}T12:00:00Z`, ends_at: `${day}T13:00:00Z` };
const time = clockTime(slot.starts_at, 'en-GB', zone);

const options = {
  business_name: 'Lumen Design Studio',
  timezone: 'Europe/Berlin',
  services: [
    { id: 'sv_1', name: 'Design consultation', duration_minutes: 60, price_minor: 9000, currency: 'EUR' },
    { id: 'sv_2', name: 'Quick call', duration_minutes: 15, price_minor: 0, currency: 'EUR' },
  ],
  staff: [{ id: 'st_1', name: 'Anna Weber' }],
  min_notice_minutes: 60,
  max_days_ahead: 60,
  requires_confirmation: true,
  location: null,
};

const made = {
  appointment: {
    id: 'ap_9',
    service_name: 'Quick call',
    staff_name: 'Anna Weber',
    duration_minutes: 15,
    starts_at: slot.starts_at,
    ends_at: slot.ends_at,
    status: 'pending',
    can_cancel: true,
    can_reschedule: true,
    can_review: false,
    cancel_deadline: slot.starts_at,
  },
  portal_url: 'https://portal.example.com/portal/demo/appointments/ap_9',
  portal_access: true,
};

const routes = [
  { path: '/book/:slug', element: <PublicBookingPage /> },
  { path: '/book/:slug/:serviceId', element: <PublicBookingPage /> },
];

it('books with a code emailed to the visitor, and says a wrong code', async () => {
  const sent: { path: string; body: unknown }[] = [];
  let tries = 0;
  stubApi({
    'GET /api/v1/portal/demo': { body: branding },
    'GET /api/v1/portal/demo/booking': { body: options },
    'GET /api/v1/portal/demo/booking/slots': {
      body: { timezone: 'Europe/Berlin', duration_minutes: 15, slots: [slot] },
    },
    'POST /api/v1/portal/demo/booking/code': async (request) => {
      sent.push({ path: 'code', body: await request.json() });
      return {
        status: 202,
        body: { message: 'We sent a 6-digit code to ana@example.com.', expires_in: 900 },
      };
    },
    'POST /api/v1/portal/demo/bookings': async (request) => {
      sent.push({ path: 'bookings', body: await request.json() });
      tries += 1;
      return tries === 1
        ? problem(401, 'That code is not right. 4 tries left.')
        : { status: 201, body: made };
    },
  });
  renderAt('/book/demo/sv_2', routes);

  // The service came with the address: the steps start at whom.
  expect(await screen.findByRole('heading', { name: 'Book with Lumen Design Studio' })).toBeVisible();
  expect(screen.getByRole('heading', { name: 'Who would you like to see?' })).toBeVisible();
  await user.click(screen.getByRole('button', { name: /Anna Weber/ }));
  await user.click(await screen.findByRole('radio', { name: time }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  expect(screen.getByRole('heading', { name: 'Your details' })).toBeVisible();

  await user.click(screen.getByRole('button', { name: 'Send me a code' }));
  expect(screen.getAllByText('Please fill this in.')).toHaveLength(2);
  await user.type(screen.getByLabelText('Your name'), 'Ana Ruiz');
  await user.type(screen.getByLabelText('Email'), 'ana@example.com');
  await user.click(screen.getByRole('button', { name: 'Send me a code' }));
  expect(await screen.findByText('We sent a 6-digit code to ana@example.com.')).toBeVisible();
  expect(sent[0]).toEqual({ path: 'code', body: { email: 'ana@example.com', language: 'en' } });

  await user.type(screen.getByLabelText('Digit 1 of 6'), '111111');
  await user.click(screen.getByRole('button', { name: 'Request this time' }));
  expect(await screen.findByText('That code is not right. 4 tries left.')).toBeVisible();

  await user.type(screen.getByLabelText('Digit 1 of 6'), '123456');
  await user.click(screen.getByRole('button', { name: 'Request this time' }));
  expect(await screen.findByRole('heading', { name: 'Your request is in' })).toBeVisible();
  expect(sent[2]).toEqual({
    path: 'bookings',
    body: {
      service_id: 'sv_2',
      staff_id: 'st_1',
      starts_at: slot.starts_at,
      name: 'Ana Ruiz',
      email: 'ana@example.com',
      code: '123456',
      time_zone: zone,
      language: 'en',
    },
  });
  expect(screen.getByText('Awaiting the business’s confirmation')).toBeVisible();
  expect(screen.getByText('We emailed you a confirmation with a calendar file.')).toBeVisible();
  expect(screen.getByRole('link', { name: 'See it in your portal' })).toHaveAttribute(
    'href',
    made.portal_url,
  );
});

it('sends the visitor back to the free times when the time was taken, keeping their code', async () => {
  stubApi({
    'GET /api/v1/portal/demo/booking': { body: { ...options, staff: [] } },
    'GET /api/v1/portal/demo/booking/slots': {
      body: { timezone: 'Europe/Berlin', duration_minutes: 60, slots: [slot] },
    },
    'POST /api/v1/portal/demo/booking/code': {
      status: 202,
      body: { message: 'Code sent.', expires_in: 900 },
    },
    'POST /api/v1/portal/demo/bookings': problem(409, 'Someone just took this time.'),
  });
  renderAt('/book/demo', routes);
  await user.click(await screen.findByRole('button', { name: /Design consultation/ }));
  await user.click(await screen.findByRole('radio', { name: time }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await user.type(screen.getByLabelText('Your name'), 'Ana Ruiz');
  await user.type(screen.getByLabelText('Email'), 'ana@example.com');
  await user.click(screen.getByRole('button', { name: 'Send me a code' }));
  await user.type(await screen.findByLabelText('Digit 1 of 6'), '123456');
  await user.click(screen.getByRole('button', { name: 'Request this time' }));
  expect(await screen.findByText('Someone just took this time.')).toBeVisible();
  expect(screen.getByRole('heading', { name: 'Choose a time' })).toBeVisible();
  await user.click(screen.getByRole('radio', { name: time }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  expect(screen.getByLabelText('Your name')).toHaveValue('Ana Ruiz');
  expect(screen.getByLabelText('Digit 6 of 6')).toHaveValue('6');
});

it('says kindly when the business takes no bookings online', async () => {
  stubApi({ 'GET /api/v1/portal/demo/booking': problem(404, 'Not found.') });
  renderAt('/book/demo', routes);
  expect(
    await screen.findByRole('heading', { name: 'This business does not take bookings online' }),
  ).toBeVisible();
});
