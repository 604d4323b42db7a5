import { configure, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { problem, renderAt, requestsOf, stubApi } from '@/test/testing';
import { PublicFormPage } from './PublicFormPage';
import { base, form, inPortal } from './fixtures';

configure({ asyncUtilTimeout: 4000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

// No pause between keystrokes: these tests fill in a whole form.
const user = userEvent.setup({ delay: null });

const routes = [{ path: `${base}/forms/:form`, element: inPortal(<PublicFormPage />) }];
const DEFINITION = 'GET /api/v1/portal/demo/forms/start';
const SUBMIT = 'POST /api/v1/portal/demo/forms/start/submissions';

async function fillIn() {
  await user.type(await screen.findByLabelText('Your name'), ' Ana Ruiz ');
  await user.type(screen.getByLabelText('Your email'), 'ana@example.com');
  await user.selectOptions(screen.getByLabelText('What do you need?'), 'Logo');
  await user.type(screen.getByLabelText('Your project'), 'A new logo.');
  await user.click(screen.getByRole('checkbox', { name: 'You may write to me' }));
}

it('sends the answers, leaves the trap empty, and thanks the visitor', async () => {
  let sent: unknown;
  stubApi({
    [DEFINITION]: { body: form },
    [SUBMIT]: async (request) => {
      sent = await request.json();
      return { status: 202, body: { message: 'Thank you! We will write within two days.' } };
    },
  });
  renderAt(`${base}/forms/start`, routes);
  expect(await screen.findByRole('heading', { name: 'Start a project', level: 1 })).toBeVisible();
  expect(screen.getByLabelText('Phone (optional)')).toHaveAttribute('type', 'tel');
  // The honeypot is there for robots, but neither seen nor announced nor reachable by Tab.
  expect(screen.queryByRole('textbox', { name: 'Website' })).toBeNull();
  expect(document.querySelector('input[name="website"]')).toHaveAttribute('tabindex', '-1');
  await fillIn();
  await user.click(screen.getByRole('button', { name: 'Send' }));
  expect(await screen.findByRole('heading', { name: 'Sent' })).toHaveFocus();
  expect(screen.getByText('Thank you! We will write within two days.')).toBeVisible();
  expect(sent).toEqual({
    values: {
      name: 'Ana Ruiz',
      email: 'ana@example.com',
      service: 'Logo',
      message: 'A new logo.',
      consent: true,
    },
    website: '',
  });
});

it('says what is missing before sending, and shows what the server refused', async () => {
  const fetch = stubApi({
    [DEFINITION]: { body: form },
    [SUBMIT]: problem(422, 'The field is invalid.', [
      { field: 'values.phone', message: 'must be a phone number such as +33 6 12 34 56 78' },
    ]),
  });
  renderAt(`${base}/forms/start`, routes);
  await user.click(await screen.findByRole('button', { name: 'Send' }));
  expect(screen.getAllByText('Please fill this in.')).toHaveLength(4);
  expect(screen.getByText('Please tick this box to continue.')).toBeVisible();
  expect(screen.getByLabelText('Your name')).toHaveFocus();
  expect(requestsOf(fetch)).not.toContain(`POST /api/v1/portal/demo/forms/start/submissions`);

  await fillIn();
  await user.type(screen.getByLabelText('Phone (optional)'), 'call me');
  await user.click(screen.getByRole('button', { name: 'Send' }));
  expect(await screen.findByText('must be a phone number such as +33 6 12 34 56 78')).toBeVisible();
  expect(screen.getByLabelText('Phone (optional)')).toHaveAttribute('aria-invalid', 'true');
});

it('asks to wait when sent too often', async () => {
  stubApi({
    [DEFINITION]: { body: form },
    [SUBMIT]: {
      status: 429,
      raw: JSON.stringify({ type: 'x', title: 'Too many requests', status: 429, detail: 'Too many.' }),
      headers: { 'content-type': 'application/problem+json', 'Retry-After': '1800' },
    },
  });
  renderAt(`${base}/forms/start`, routes);
  await fillIn();
  await user.click(screen.getByRole('button', { name: 'Send' }));
  expect(await screen.findByText(/Please try again in about 30 minutes/)).toBeVisible();
});

it('says when a form is not available', async () => {
  stubApi({ [DEFINITION]: problem(404, 'There is no form here.') });
  renderAt(`${base}/forms/start`, routes);
  expect(await screen.findByRole('heading', { name: 'This form is not available' })).toBeVisible();
});
