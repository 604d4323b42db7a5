import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach } from 'vitest';
import { createPasskey, PasskeyError, passkeysSupported } from '@/lib/webauthn';
import { problem, renderAt, requestsOf, stubApi, type ApiStubs } from '@/test/testing';
import { PasskeysCard } from './PasskeysCard';

configure({ asyncUtilTimeout: 4000 });

// The browser's own dialog cannot run in jsdom; the card's part around it can.
vi.mock('@/lib/webauthn', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/webauthn')>()),
  passkeysSupported: vi.fn(() => true),
  createPasskey: vi.fn(),
}));

beforeEach(() => {
  vi.mocked(passkeysSupported).mockReturnValue(true);
  vi.mocked(createPasskey).mockReset();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const laptop = {
  id: 'pk_1',
  name: 'Work laptop',
  created_at: '2026-03-02T09:30:00Z',
  last_used_at: '2026-04-10T16:05:00Z',
};
const phone = { id: 'pk_2', name: 'My phone', created_at: '2026-04-01T08:00:00Z', last_used_at: null };

const options = {
  ceremony_id: 'cer_1',
  options: {
    publicKey: { challenge: 'Y2hhbGxlbmdl', user: { id: 'dQ', name: 'maria', displayName: 'Maria' } },
  },
};
const credential = { id: 'cred', type: 'public-key', response: { attestationObject: 'bw' } };

function open(stubs: ApiStubs) {
  const fetch = stubApi({
    'GET /api/v1/auth/passkeys': { body: { items: [laptop] } },
    'POST /api/v1/auth/passkeys/options': { body: options },
    ...stubs,
  });
  renderAt('/profile', [
    {
      path: '/profile',
      element: <PasskeysCard queryKey={['passkeys']} formatDate={(iso) => `[${iso?.slice(0, 10)}]`} />,
    },
  ]);
  return { fetch, user: userEvent.setup() };
}

async function addNamed(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('button', { name: 'Add a passkey' }));
  const field = screen.getByLabelText('Name for this passkey');
  // jsdom's browser is neither Safari nor Chrome, so the guess is the plain one.
  expect(field).toHaveValue('This device');
  await user.clear(field);
  await user.type(field, name);
  await user.click(screen.getByRole('button', { name: 'Create passkey' }));
}

it('lists each passkey with when it was added and last used', async () => {
  open({ 'GET /api/v1/auth/passkeys': { body: { items: [laptop, phone] } } });
  const rows = await screen.findAllByRole('listitem');
  expect(rows).toHaveLength(2);
  expect(rows[0]).toHaveTextContent('Work laptop');
  expect(rows[0]).toHaveTextContent('Added [2026-03-02] · Last used [2026-04-10]');
  expect(rows[1]).toHaveTextContent('My phone');
  expect(rows[1]).toHaveTextContent('Added [2026-04-01] · Never used');
});

it('adds a named passkey: options, the browser’s dialog, then the server keeps it', async () => {
  vi.mocked(createPasskey).mockResolvedValue(credential);
  let sent: unknown;
  const kept: object[] = [laptop];
  const { fetch, user } = open({
    'GET /api/v1/auth/passkeys': () => ({ body: { items: kept } }),
    'POST /api/v1/auth/passkeys': async (request) => {
      sent = await request.json();
      kept.push(phone);
      return { status: 201, body: phone };
    },
  });
  await addNamed(user, '  My phone ');

  expect(await screen.findByText('Passkey added. Next time, choose “Sign in with a passkey”.')).toBeVisible();
  expect(createPasskey).toHaveBeenCalledWith(options.options);
  expect(sent).toEqual({ ceremony_id: 'cer_1', name: 'My phone', credential });
  expect(requestsOf(fetch).filter((r) => r.startsWith('POST'))).toEqual([
    'POST /api/v1/auth/passkeys/options',
    'POST /api/v1/auth/passkeys',
  ]);
  expect(await screen.findByText('My phone')).toBeVisible();
  expect(screen.queryByLabelText('Name for this passkey')).toBeNull();
});

it('asks for a name before starting', async () => {
  const { fetch, user } = open({});
  await user.click(await screen.findByRole('button', { name: 'Add a passkey' }));
  await user.clear(screen.getByLabelText('Name for this passkey'));
  await user.click(screen.getByRole('button', { name: 'Create passkey' }));
  expect(await screen.findByText('Give the passkey a name.')).toBeVisible();
  expect(requestsOf(fetch).filter((r) => r.startsWith('POST'))).toEqual([]);
});

it('says a closed dialog was cancelled, and sends nothing to keep', async () => {
  vi.mocked(createPasskey).mockRejectedValue(new PasskeyError('cancelled'));
  const { fetch, user } = open({});
  await addNamed(user, 'Laptop');
  expect(await screen.findByRole('alert')).toHaveTextContent('Creating the passkey was cancelled.');
  expect(requestsOf(fetch)).not.toContain('POST /api/v1/auth/passkeys');
  // The form stays, to try again.
  expect(screen.getByRole('button', { name: 'Create passkey' })).toBeEnabled();
});

it('says a passkey the account already has is already registered', async () => {
  vi.mocked(createPasskey).mockResolvedValue(credential);
  const { user } = open({
    'POST /api/v1/auth/passkeys': problem(409, 'This credential is already registered.'),
  });
  await addNamed(user, 'Laptop');
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'This passkey is already registered to your account.',
  );
});

it('says when the server cannot be reached', async () => {
  const { user } = open({
    'POST /api/v1/auth/passkeys/options': () => {
      throw new TypeError('Failed to fetch');
    },
  });
  await addNamed(user, 'Laptop');
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'We could not reach the server. Check your connection and try again.',
  );
  expect(createPasskey).not.toHaveBeenCalled();
});

it('removes a passkey after asking', async () => {
  let removed = '';
  const { user } = open({
    'GET /api/v1/auth/passkeys': { body: { items: [laptop, phone] } },
    'DELETE /api/v1/auth/passkeys/pk_2': () => {
      removed = 'pk_2';
      return { status: 204 };
    },
  });
  const row = (await screen.findByText('My phone')).closest('li')!;
  await user.click(within(row).getByRole('button', { name: 'Remove' }));
  const question = within(row).getByRole('group', { name: 'Remove' });
  expect(question).toHaveTextContent('Remove “My phone”? You will no longer be able to sign in with it.');
  await user.click(within(question).getByRole('button', { name: 'Remove passkey' }));
  expect(await screen.findByText('Passkey removed')).toBeVisible();
  expect(removed).toBe('pk_2');
  expect(screen.queryByText('My phone')).toBeNull();
  expect(screen.getByText('Work laptop')).toBeVisible();
});

it('says in one line that this browser cannot use passkeys, and asks the server nothing', () => {
  vi.mocked(passkeysSupported).mockReturnValue(false);
  const { fetch } = open({});
  expect(screen.getByText('This browser cannot use passkeys.')).toBeVisible();
  expect(screen.queryByRole('button', { name: 'Add a passkey' })).toBeNull();
  expect(fetch).not.toHaveBeenCalled();
});

it('shows nothing to staff viewing the portal as the client', async () => {
  const { fetch } = open({ 'GET /api/v1/auth/passkeys': problem(403, 'Not while viewing as a client.') });
  await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
  await vi.waitFor(() => expect(screen.queryByRole('heading', { name: 'Passkeys' })).toBeNull());
  expect(screen.queryByRole('button', { name: 'Add a passkey' })).toBeNull();
});
