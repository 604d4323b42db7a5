import { screen, within } from '@testing-library/react';
import { afterEach } from 'vitest';
import { problem, renderAt, stubApi, tenant, type Reply } from '@/test/testing';
import { aClient } from './fixtures';
import { LoginMessagesCard } from './LoginMessagesCard';

afterEach(() => vi.unstubAllGlobals());

const message = {
  id: 'lm_1',
  channel: 'email',
  purpose: 'login_code',
  to: 'maria@example.com',
  status: 'sent',
  attempts: 1,
  last_error: null,
  created_at: '2025-03-03T08:00:00Z',
  sent_at: '2025-03-03T08:00:02Z',
};

function open(reply: Reply) {
  stubApi({ 'GET /api/v1/tenant': { body: tenant }, 'GET /api/v1/clients/cl_1/login-messages': reply });
  renderAt('/app/clients/cl_1', [
    { path: '/app/clients/:id', element: <LoginMessagesCard client={aClient()} /> },
  ]);
}

/** The rows, each as the text a person reads. */
async function rows() {
  const card = (await screen.findByRole('heading', { name: 'Login messages' })).closest('section')!;
  await within(card).findAllByRole('listitem');
  return within(card)
    .getAllByRole('listitem')
    .map((li) => li.textContent);
}

it('says what was sent, how, to whom, when, and whether it left', async () => {
  open({
    body: {
      items: [
        message,
        {
          ...message,
          id: 'lm_2',
          channel: 'sms',
          to: '+34 612 345 678',
          status: 'retrying',
          attempts: 2,
          last_error: 'provider timed out',
          sent_at: null,
        },
        { ...message, id: 'lm_3', purpose: 'invite', status: 'bounced', last_error: null },
        { ...message, id: 'lm_4', status: 'failed', attempts: 5, last_error: '550 mailbox unavailable' },
        { ...message, id: 'lm_5', purpose: 'invite', channel: 'sms', status: 'queued', attempts: 0 },
      ],
    },
  });
  // Dated in the business's locale and time zone (en-GB, Europe/Paris), once it is known.
  await screen.findAllByText('3 Mar 2025, 09:00');
  expect(await rows()).toEqual([
    'Login code by emailSentTo maria@example.com3 Mar 2025, 09:00',
    'Login code by text messageRetryingTo +34 612 345 6783 Mar 2025, 09:00Not sent yet after 2 attempts; trying again. Last error: provider timed out',
    'Invitation by emailBouncedTo maria@example.com3 Mar 2025, 09:00The receiving server refused it: check the address.',
    'Login code by emailFailedTo maria@example.com3 Mar 2025, 09:00Gave up after 5 attempts. Last error: 550 mailbox unavailable',
    'Invitation by text messageWaiting to sendTo maria@example.com3 Mar 2025, 09:00',
  ]);
  expect(screen.getByText(/“Sent” means the mail server or text message provider accepted it/)).toBeVisible();
});

it('says when nothing was sent yet', async () => {
  open({ body: { items: [] } });
  expect(await screen.findByText('No login messages yet.')).toBeVisible();
});

it('says why the list could not be loaded', async () => {
  open(problem(403, 'You may not see this client’s login messages.'));
  expect(await screen.findByRole('alert')).toHaveTextContent('You may not see this client’s login messages.');
});
