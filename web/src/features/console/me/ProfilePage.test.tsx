import { configure, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { problem, renderAt, stubApi } from '@/test/testing';
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
