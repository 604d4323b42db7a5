import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { problem, renderAt, requestsOf, stubApi, tenant } from '@/test/testing';
import { NamePrompt } from './NamePrompt';
import { ProfilePage } from './ProfilePage';

configure({ asyncUtilTimeout: 4000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const me = {
  id: 'st_1',
  name: 'owner',
  email: 'owner@lumen.example',
  role: 'owner',
  tenant_id: 't_1',
  tenant_slug: 'demo',
  tenant_language: 'en' as const,
  tenant_name: 'Lumen Design Studio',
  name_chosen: false,
};

it('asks a new owner for the name clients will see, once', async () => {
  const sent: unknown[] = [];
  stubApi({
    'PATCH /api/v1/me': async (request) => {
      const body = (await request.json()) as { name: string };
      sent.push(body);
      if (!body.name)
        return problem(422, '1 field is invalid.', [
          { field: 'name', message: 'must be 1 to 200 characters' },
        ]);
      return { body: { ...me, name: body.name, name_chosen: true } };
    },
  });
  renderAt('/app', [{ path: '/app', element: <NamePrompt me={me} /> }]);
  expect(screen.getByRole('heading', { name: 'Welcome to Lumen Design Studio' })).toBeVisible();
  expect(screen.getByText(/What should clients call you/)).toBeVisible();
  const name = screen.getByLabelText(/Your name/);
  expect(name).toHaveValue('owner');
  await userEvent.clear(name);
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
  expect(await screen.findByText('must be 1 to 200 characters')).toBeVisible();
  await userEvent.type(name, '  Clara Weiss ');
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await vi.waitFor(() => expect(sent).toEqual([{ name: '' }, { name: 'Clara Weiss' }]));
});

it('changes the login email only with the code sent to the new address', async () => {
  const bodies: unknown[] = [];
  let attempts = 0;
  stubApi({
    'GET /api/v1/me': { body: { ...me, name: 'Clara Weiss', name_chosen: true } },
    'GET /api/v1/me/calendar-feed': { body: { active: false } },
    'POST /api/v1/me/email': async (request) => {
      bodies.push(await request.json());
      return { status: 202, body: { email: 'clara@lumen.example', expires_at: '2026-12-07T10:15:00Z' } };
    },
    'POST /api/v1/me/email/confirm': async (request) => {
      bodies.push(await request.json());
      attempts += 1;
      if (attempts === 1) {
        return problem(403, 'This code is wrong. 4 tries left.');
      }
      return { body: { ...me, name: 'Clara Weiss', name_chosen: true, email: 'clara@lumen.example' } };
    },
  });
  renderAt('/app/profile', [{ path: '/app/profile', element: <ProfilePage /> }]);
  expect(await screen.findByText('owner@lumen.example')).toBeVisible();
  await userEvent.type(screen.getByLabelText(/New email/), 'clara@lumen.example');
  await userEvent.click(screen.getByRole('button', { name: 'Send a code' }));
  expect(await screen.findByText(/We sent a 6-digit code to/)).toBeVisible();
  expect(screen.getByText(/Until then you keep logging in with owner@lumen.example/)).toBeVisible();

  await userEvent.click(screen.getByRole('textbox', { name: 'Digit 1 of 6' }));
  await userEvent.keyboard('111111');
  expect(await screen.findByText('This code is wrong. 4 tries left.')).toBeVisible();

  await userEvent.click(screen.getByRole('textbox', { name: 'Digit 1 of 6' }));
  await userEvent.keyboard('123456');
  expect(await screen.findByText('You now log in with clara@lumen.example')).toBeVisible();
  expect(bodies).toEqual([
    { email: 'clara@lumen.example' },
    { email: 'clara@lumen.example', code: '111111' },
    { email: 'clara@lumen.example', code: '123456' },
  ]);
});

it('makes a private calendar link shown once, then stops it', async () => {
  let feed: Record<string, unknown> = { active: false };
  const url = 'https://portal.example.com/api/v1/calendar/3q2f9.ics';
  const fetch = stubApi({
    'GET /api/v1/me': { body: { ...me, name: 'Clara Weiss', name_chosen: true } },
    'GET /api/v1/tenant': { body: tenant },
    'GET /api/v1/me/calendar-feed': () => ({ body: feed }),
    'POST /api/v1/me/calendar-feed': () => {
      feed = { active: true, created_at: '2026-12-07T10:00:00Z', last_used_at: null };
      return { status: 201, body: { ...feed, url } };
    },
    'DELETE /api/v1/me/calendar-feed': () => {
      feed = { active: false };
      return { status: 204 };
    },
  });
  renderAt('/app/profile', [{ path: '/app/profile', element: <ProfilePage /> }]);
  expect(await screen.findByText('You have no calendar link yet.')).toBeVisible();
  await userEvent.click(screen.getByRole('button', { name: 'Make a calendar link' }));

  const box = await screen.findByRole('region', { name: 'Your new calendar link' });
  expect(within(box).getByTestId('feed-url')).toHaveTextContent(url);
  expect(within(box).getByText(/it is shown only once/)).toBeVisible();
  expect(within(box).getByRole('link', { name: 'Open in calendar app' })).toHaveAttribute(
    'href',
    'webcal://portal.example.com/api/v1/calendar/3q2f9.ics',
  );
  const writeText = vi.fn(() => Promise.resolve());
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  await userEvent.click(within(box).getByRole('button', { name: 'Copy link' }));
  expect(writeText).toHaveBeenCalledWith(url);
  expect(await screen.findByText('Calendar link copied')).toBeVisible();
  expect(screen.getByText(/Your calendar link works since 7 Dec 2026/)).toBeVisible();
  expect(screen.getByText(/No calendar has fetched it yet/)).toBeVisible();

  await userEvent.click(within(box).getByRole('button', { name: 'Done' }));
  expect(screen.queryByTestId('feed-url')).not.toBeInTheDocument();

  await userEvent.click(screen.getByRole('button', { name: 'Stop the link' }));
  const question = screen.getByRole('group', { name: 'Stop the link' });
  expect(within(question).getByText(/stop getting your appointments/)).toBeVisible();
  await userEvent.click(within(question).getByRole('button', { name: 'Stop the link' }));
  expect(await screen.findByText('Calendar link stopped')).toBeVisible();
  expect(screen.getByText('You have no calendar link yet.')).toBeVisible();
  expect(requestsOf(fetch).filter((r) => !r.startsWith('GET'))).toEqual([
    'POST /api/v1/me/calendar-feed',
    'DELETE /api/v1/me/calendar-feed',
  ]);
});

it('makes a new link in place of one in use, after asking', async () => {
  const fetch = stubApi({
    'GET /api/v1/me': { body: { ...me, name: 'Clara Weiss', name_chosen: true } },
    'GET /api/v1/tenant': { body: tenant },
    'GET /api/v1/me/calendar-feed': {
      body: { active: true, created_at: '2026-11-01T09:00:00Z', last_used_at: '2026-12-06T08:00:00Z' },
    },
    'POST /api/v1/me/calendar-feed': {
      status: 201,
      body: {
        active: true,
        created_at: '2026-12-07T10:00:00Z',
        last_used_at: null,
        url: 'https://x.example/a.ics',
      },
    },
  });
  renderAt('/app/profile', [{ path: '/app/profile', element: <ProfilePage /> }]);
  expect(await screen.findByText(/A calendar last fetched it on 6 Dec 2026/)).toBeVisible();
  await userEvent.click(screen.getByRole('button', { name: 'Make a new link' }));
  const question = screen.getByRole('group', { name: 'Make a new link' });
  expect(within(question).getByText(/The current link stops working at once/)).toBeVisible();
  await userEvent.click(within(question).getByRole('button', { name: 'Make a new link' }));
  expect(await screen.findByTestId('feed-url')).toHaveTextContent('https://x.example/a.ics');
  expect(screen.getByText(/No calendar has fetched it yet/)).toBeVisible();
  expect(requestsOf(fetch).filter((r) => r.startsWith('POST'))).toEqual(['POST /api/v1/me/calendar-feed']);
});
