import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, logInWithCode, OWNER, screenshots, staffToken } from './support/helpers';

/** 15:00 UTC (16:00 in Berlin in winter, clear of the demo's bookings) on the `n`th weekday from today. */
function weekdayAt(n: number): string {
  const d = new Date();
  d.setUTCHours(15, 0, 0, 0);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left -= 1;
  }
  return d.toISOString();
}

async function arrange(request: APIRequestContext) {
  const token = await staffToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  const post = async (path: string, data: unknown) => {
    const res = await request.post(path, { headers, data });
    expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as { id: string };
  };
  const email = `ines.${Date.now()}@example.com`;
  const client = await post('/api/v1/clients', { name: 'Inès Moreau', email });
  const listed = await request.get('/api/v1/services', { headers });
  const services = (await listed.json()) as { items: { id: string; name: string }[] };
  const service = services.items[0]!;
  const toCancel = await post('/api/v1/appointments', {
    client_id: client.id,
    service_id: service.id,
    starts_at: weekdayAt(3),
  });
  const toMove = await post('/api/v1/appointments', {
    client_id: client.id,
    service_id: service.id,
    starts_at: weekdayAt(4),
  });
  const past = await post('/api/v1/appointments', {
    client_id: client.id,
    service_id: service.id,
    starts_at: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 11) + '15:00:00Z',
  });
  await post(`/api/v1/appointments/${past.id}/status`, { status: 'completed' });
  const order = await post('/api/v1/service-orders', {
    client_id: client.id,
    title: 'Reupholster two chairs',
    lines: [{ description: 'Chair, linen fabric', quantity: 2, unit_price_minor: 12000 }],
  });
  return { email, service, toCancel, toMove, past, order };
}

test('a client cancels one appointment, moves another and reviews a past one; staff marks an order ready', async ({
  page,
  browser,
}) => {
  const data = await arrange(page.request);

  await page.goto(`${DEMO}/login`);
  await logInWithCode(page, data.email);
  await expect(page.getByText('Next appointment')).toBeVisible();
  await screenshots(page, 'portal-dashboard-bookings');
  await page.getByRole('link', { name: 'Appointments' }).first().click();
  await expect(page.getByRole('tab', { name: 'Upcoming', selected: true })).toBeVisible();
  await screenshots(page, 'portal-appointments');

  // Cancel.
  await page.goto(`${DEMO}/appointments/${data.toCancel.id}`);
  await expect(page.getByText(/You can move or cancel this appointment until/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel appointment' }).click();
  await page.getByLabel('Reason (optional)').fill('Travelling that week');
  await page.getByRole('button', { name: 'Yes, cancel this appointment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Appointment cancelled' })).toBeVisible();
  await expect(page.getByText('Travelling that week').first()).toBeVisible();
  await expect(page.getByText('Cancelled', { exact: true }).first()).toBeVisible();

  // Reschedule into the first free time offered.
  await page.goto(`${DEMO}/appointments/${data.toMove.id}`);
  await page.getByRole('button', { name: 'Move to another time' }).click();
  await screenshots(page, 'portal-reschedule');
  const firstSlot = page.getByRole('radio').first();
  await expect(firstSlot).toBeVisible();
  await firstSlot.check({ force: true });
  const move = page.getByRole('button', { name: /^Move to / });
  const label = (await move.textContent())!.replace('Move to ', '');
  await move.click();
  await expect(page.getByRole('status').filter({ hasText: `Moved to ${label}` })).toBeVisible();
  await expect(page.getByText(/Moved from/)).toBeVisible();

  // Review the completed one.
  await page.goto(`${DEMO}/appointments/${data.past.id}`);
  await page.getByRole('radio', { name: '4 stars' }).check({ force: true });
  await page.getByLabel('Your review (optional)').fill('Calm, precise and on time.');
  await page.getByRole('button', { name: 'Send review' }).click();
  await expect(page.getByText('Waiting for approval')).toBeVisible();
  await expect(page.getByRole('img', { name: '4 out of 5 stars' })).toBeVisible();

  // Staff moves the order on; the client sees it ready.
  const staff = await browser.newPage();
  await staff.goto('/app/login');
  await logInWithCode(staff, OWNER);
  await expect(staff).toHaveURL(/\/app$/);
  await staff.goto(`/app/orders/${data.order.id}`);
  await staff.getByRole('button', { name: 'Start work' }).click();
  await expect(staff.getByRole('button', { name: 'Mark ready' })).toBeVisible();
  await staff.getByRole('button', { name: 'Mark ready' }).click();
  await expect(staff.getByRole('status').filter({ hasText: /ready/i }).first()).toBeVisible();

  // Staff approves the review: the console promises it "now shows on your portal".
  await staff.goto('/app/reviews');
  const pending = staff.getByRole('article').filter({ hasText: 'Calm, precise and on time.' });
  await pending.getByRole('button', { name: 'Approve' }).click();
  await expect(staff.getByRole('status').filter({ hasText: /it now shows on your portal/ })).toBeVisible();
  await staff.close();

  // The client's own list says so…
  await page.getByRole('link', { name: 'My reviews' }).first().click();
  await expect(page.getByRole('heading', { name: 'My reviews' })).toBeVisible();
  const mine = page.getByRole('listitem').filter({ hasText: 'Calm, precise and on time.' });
  await expect(mine.getByText('Published')).toBeVisible();
  await screenshots(page, 'portal-my-reviews');

  // …and anyone opening the portal's front page reads it.
  const visitor = await browser.newPage();
  await visitor.goto(`${DEMO}/login`);
  const said = visitor.getByRole('region', { name: 'What clients say' });
  await expect(said.getByText('Calm, precise and on time.')).toBeVisible();
  await screenshots(visitor, 'portal-login-reviews');
  await visitor.close();

  await page.goto(`${DEMO}/orders/${data.order.id}`);
  await expect(page.getByText('Your order is ready.')).toBeVisible();
  await screenshots(page, 'portal-order');
  await expect(page.getByText('€240.00').first()).toBeVisible();
});
