import { expect, test } from '@playwright/test';
import { codeOf, isLoginCode, logInWithCode, nextMail, OWNER, screenshots } from './support/helpers';

/** The calendar file attached to an email, decoded. */
function calendarIn(body: string): string {
  const part = /Content-Type: text\/calendar[^]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(body);
  expect(part, 'a text/calendar attachment').toBeTruthy();
  return Buffer.from(part![1]!.replace(/\s/g, ''), 'base64').toString('utf8');
}

test('a visitor books on the public page with the emailed code, moves it in the portal, staff see it', async ({
  page,
  browser,
}) => {
  const email = `nina.${Date.now()}@example.com`;
  const options = (await (await page.request.get('/api/v1/portal/demo/booking')).json()) as {
    services: { id: string; name: string }[];
  };
  const service = options.services[0]!;

  // The public page, as a link from the business's website would open it.
  await page.goto('/book/demo');
  await expect(page.getByRole('heading', { name: /Book with/ })).toBeVisible();
  await screenshots(page, 'public-booking-services');
  await page.getByRole('button', { name: new RegExp(service.name) }).click();
  await page.getByRole('button', { name: /Anyone available/ }).click();
  await expect(page.getByRole('heading', { name: 'Choose a time' })).toBeVisible();
  await expect(page.getByText(/^Times in /)).toBeVisible();
  // A day past the business's 24-hour cancellation cutoff, so it can be moved online later.
  await page.getByRole('group', { name: 'Days with free times' }).getByRole('button').nth(2).click();
  const firstSlot = page.getByRole('radio').first();
  await expect(firstSlot).toBeVisible();
  await firstSlot.check({ force: true });
  await screenshots(page, 'public-booking-slots');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Notes (optional)').fill('First visit, from your website');
  await page.getByRole('button', { name: 'Continue' }).click();

  // Who they are, then the code from the real email.
  await page.getByLabel('Your name').fill('Nina Visitor');
  await page.getByLabel('Email').fill(email);
  const since = Date.now();
  await page.getByRole('button', { name: 'Send me a code' }).click();
  const code = codeOf(await nextMail(page.request, email, since, isLoginCode));
  await page.getByRole('textbox', { name: 'Digit 1 of 6' }).click();
  await page.keyboard.type(code);
  await page.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'You are booked' })).toBeVisible();
  await expect(page.getByText('We emailed you a confirmation with a calendar file.')).toBeVisible();
  await screenshots(page, 'public-booking-done');

  // The confirmation carries the calendar file and links to the booking.
  const confirmation = await nextMail(page.request, email, since, (d) => d.includes('Appointment booked'));
  const invite = calendarIn(confirmation.body);
  expect(invite).toContain('METHOD:REQUEST');
  expect(invite).toContain('SEQUENCE:0');
  // The organizer is the sender's bare address, not its display name.
  expect(invite).toMatch(/ORGANIZER;CN="Lumen Design Studio":mailto:[^\s<>"]+@[^\s<>"]+\r\n/);
  const portalLink = page.getByRole('link', { name: 'See it in your portal' });
  const href = (await portalLink.getAttribute('href'))!;
  const id = /appointments\/([^/?#]+)/.exec(href)![1]!;
  expect(confirmation.body).toContain(`/portal/demo/appointments/${id}`);

  // The portal: log in with the same email and move it.
  await portalLink.click();
  await logInWithCode(page, email);
  // Logged in (the code is checked before the portal opens), then to the booking.
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/portal/demo/appointments/${id}`);
  await page.getByRole('button', { name: 'Move to another time' }).click();
  const later = page.getByRole('radio').nth(2);
  await expect(later).toBeVisible();
  await later.check({ force: true });
  const move = page.getByRole('button', { name: /^Move to / });
  await move.click();
  await expect(page.getByText(/Moved from/)).toBeVisible();
  const moved = await nextMail(page.request, email, since, (d) => d.includes('Appointment moved'));
  expect(calendarIn(moved.body)).toContain('SEQUENCE:1');

  // Staff: the week view shows the booking (it is at most two weeks ahead).
  const staff = await browser.newPage();
  await staff.goto('/app/login');
  await logInWithCode(staff, OWNER);
  await expect(staff).toHaveURL(/\/app$/);
  // Each week's list is fetched before it shows: wait for the answer, then give the page a
  // moment to show her row, or move on to the next week.
  const listed = () =>
    staff.waitForResponse((r) => r.url().includes('/api/v1/appointments?') && r.status() === 200);
  await Promise.all([listed(), staff.goto('/app/appointments')]);
  const row = staff.getByRole('link', { name: /Nina Visitor/ }).first();
  const shown = () =>
    row.waitFor({ state: 'visible', timeout: 2_000 }).then(
      () => true,
      () => false,
    );
  for (let week = 0; week < 3 && !(await shown()); week += 1) {
    await Promise.all([listed(), staff.getByRole('button', { name: 'Next week →' }).click()]);
  }
  await expect(row).toBeVisible();
  await screenshots(staff, 'console-week-with-public-booking');
  await staff.close();
});
