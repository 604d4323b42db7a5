import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { addDays, todayIn } from '@/lib/format';
import { base, inPortal } from '@/test/portal';
import { problem, renderAt, requestsOf, stubApi } from '@/test/testing';
import { BookPage } from './BookPage';

configure({ asyncUtilTimeout: 4000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const user = userEvent.setup({ delay: null });

// Tokyo keeps no summer time: 01:00 UTC is 10:00 there all year.
const day = addDays(todayIn('Asia/Tokyo'), 3);
const slot = { starts_at: `${day}T01:00:00Z`, ends_at: `${day}T02:00:00Z` };

const me = {
  id: 'cl_1',
  name: 'Maria Lopez',
  email: 'maria@example.com',
  email_opt_out: false,
  impersonated: false,
  tenant_name: 'Lumen Design Studio',
  tenant_slug: 'demo',
  tenant_language: 'en',
  tenant_time_zone: 'Europe/Berlin',
  time_zone: 'Asia/Tokyo',
};

const options = {
  business_name: 'Lumen Design Studio',
  timezone: 'Europe/Berlin',
  services: [
    {
      id: 'sv_1',
      name: 'Design consultation',
      description: 'We look at your brand together.',
      duration_minutes: 60,
      price_minor: 9000,
      currency: 'EUR',
    },
    { id: 'sv_2', name: 'Quick call', duration_minutes: 15, price_minor: 0, currency: 'EUR' },
  ],
  staff: [{ id: 'st_1', name: 'Anna Weber' }],
  min_notice_minutes: 60,
  max_days_ahead: 60,
  requires_confirmation: false,
  location: 'Torstraße 1, Berlin',
};

const booked = {
  id: 'ap_9',
  service_name: 'Design consultation',
  duration_minutes: 60,
  starts_at: slot.starts_at,
  ends_at: slot.ends_at,
  status: 'confirmed',
  can_cancel: true,
  can_reschedule: true,
  can_review: false,
  cancel_deadline: slot.starts_at,
  history: [],
};

const routes = [
  { path: `${base}/book`, element: inPortal(<BookPage />) },
  { path: `${base}/appointments/:id`, element: <p>{'appointment page'}</p> },
];

function stubs(post: Parameters<typeof stubApi>[0][string]) {
  return stubApi({
    'GET /api/v1/portal/me': { body: me },
    'GET /api/v1/portal/booking': { body: options },
    'GET /api/v1/portal/booking/slots': {
      body: { timezone: 'Europe/Berlin', duration_minutes: 60, slots: [slot] },
    },
    'POST /api/v1/portal/appointments': post,
  });
}

async function chooseUpToConfirm() {
  await user.click(await screen.findByRole('button', { name: /Design consultation/ }));
  expect(screen.getByRole('heading', { name: 'Who would you like to see?' })).toBeVisible();
  await user.click(screen.getByRole('button', { name: /Anyone available/ }));
  expect(await screen.findByText('Times in Asia/Tokyo (the business is in Europe/Berlin).')).toBeVisible();
  await user.click(await screen.findByRole('radio', { name: '10:00' }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await user.type(screen.getByLabelText('Notes (optional)'), 'First visit');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  expect(screen.getByRole('heading', { name: 'Check and confirm' })).toBeVisible();
}

it('books a service with anyone at a free time on the client’s clock, and opens it', async () => {
  let sent: unknown;
  const fetch = stubs(async (request) => {
    sent = await request.json();
    return { status: 201, body: booked };
  });
  renderAt(`${base}/book`, routes);
  expect(await screen.findByText(/60 min · €90.00/)).toBeVisible();
  expect(screen.getByText(/15 min · Free/)).toBeVisible();
  await chooseUpToConfirm();
  expect(screen.getByText(/10:00–11:00 \(Asia\/Tokyo\)/)).toBeVisible();
  expect(screen.getByText('Anyone available')).toBeVisible();
  const slotsAsked = requestsOf(fetch).find((r) => r.startsWith('GET /api/v1/portal/booking/slots'))!;
  expect(slotsAsked).toContain('service_id=sv_1');
  expect(slotsAsked).not.toContain('staff_id');

  await user.click(screen.getByRole('button', { name: 'Book it' }));
  await waitFor(() => expect(screen.getByTestId('address')).toHaveTextContent(`${base}/appointments/ap_9`));
  expect(sent).toEqual({ service_id: 'sv_1', starts_at: slot.starts_at, notes: 'First visit' });
  expect(screen.getByText('Booked')).toBeVisible();
});

it('says when the time was taken meanwhile, and offers the free times again', async () => {
  const fetch = stubs(problem(409, 'This time is no longer free. Please choose another.'));
  renderAt(`${base}/book`, routes);
  await chooseUpToConfirm();
  const asked = requestsOf(fetch).filter((r) => r.startsWith('GET /api/v1/portal/booking/slots')).length;
  await user.click(screen.getByRole('button', { name: 'Book it' }));
  expect(await screen.findByText('This time is no longer free. Please choose another.')).toBeVisible();
  expect(screen.getByRole('heading', { name: 'Choose a time' })).toBeVisible();
  expect(screen.getByRole('radio', { name: '10:00' })).not.toBeChecked();
  await waitFor(() =>
    expect(requestsOf(fetch).filter((r) => r.startsWith('GET /api/v1/portal/booking/slots')).length).toBe(
      asked + 1,
    ),
  );
});

it('starts at the staff step for a service named in the address, and can go back', async () => {
  stubs({ status: 201, body: booked });
  renderAt(`${base}/book?service=sv_2`, routes);
  expect(await screen.findByRole('heading', { name: 'Who would you like to see?' })).toBeVisible();
  expect(screen.getByText('Step 2 of 5')).toBeVisible();
  await user.click(screen.getByRole('button', { name: '← Back' }));
  expect(screen.getByRole('heading', { name: 'Choose a service' })).toBeVisible();
  expect(screen.getByRole('button', { name: /Quick call/ })).toHaveAttribute('aria-pressed', 'true');
});
