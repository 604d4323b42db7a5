import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LoginApi, LoginResponse, PasskeyOptions, Tokens } from '@/api/login';
import { ApiProblem } from '@/api/problem';
import { getPasskey, PasskeyError, passkeysSupported } from '@/lib/webauthn';
import { stubApi } from '@/test/testing';
import { LinkConfirm } from './LinkConfirm';
import { LoginFlow } from './LoginFlow';
import { portalTextCode } from './textCode';

// The browser's passkey dialog cannot run in jsdom; what LoginFlow does around it can.
vi.mock('@/lib/webauthn', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/webauthn')>()),
  passkeysSupported: vi.fn(() => true),
  getPasskey: vi.fn(),
}));

beforeEach(() => {
  vi.mocked(passkeysSupported).mockReturnValue(true);
  vi.mocked(getPasskey).mockReset();
});

const tokens: Tokens = {
  access_token: 'a',
  refresh_token: 'r',
  expires_in: 900,
  session_id: 's',
  token_type: 'Bearer',
  persistent: false,
};
const authenticated: LoginResponse = { status: 'authenticated', ...tokens };
// The schema leaves the WebAuthn options opaque (an empty record); these are what a browser gets.
const passkeyOptions = {
  ceremony_id: 'cer_1',
  options: { publicKey: { challenge: 'Y2hhbGxlbmdl', rpId: 'localhost', allowCredentials: [] } },
} as unknown as PasskeyOptions;

function fakeLogin(overrides: Partial<LoginApi> = {}): LoginApi {
  return {
    requestCode: vi.fn(async () => ({
      message: 'A code is on its way.',
      channel: 'email' as const,
      expires_in: 600,
      resend_in: 45,
    })),
    verifyCode: vi.fn(async () => authenticated),
    redeemLink: vi.fn(async () => authenticated),
    selectAccount: vi.fn(async () => authenticated),
    passkeyOptions: vi.fn(async () => passkeyOptions),
    passkeyLogin: vi.fn(async () => authenticated),
    ...overrides,
  };
}

async function toCodeStep(
  login: LoginApi,
  onAuthenticated = vi.fn(),
  { offerRemember = false, remember = false } = {},
) {
  const user = userEvent.setup();
  render(<LoginFlow login={login} onAuthenticated={onAuthenticated} offerRemember={offerRemember} />);
  await user.type(screen.getByLabelText('Email address'), 'maria@example.com');
  if (remember) await user.click(screen.getByRole('checkbox', { name: REMEMBER }));
  await user.click(screen.getByRole('button', { name: 'Email me a login code' }));
  await screen.findByText('Check your email');
  return { user, onAuthenticated };
}

const REMEMBER = 'Keep me signed in on this device';

const problem = (status: number, detail: string, retryAfter: number | null = null) =>
  new ApiProblem({ status, title: 'x', detail, retryAfter });

describe('LoginFlow', () => {
  it('asks for a real-looking email before calling the server', async () => {
    const login = fakeLogin();
    const user = userEvent.setup();
    render(<LoginFlow login={login} onAuthenticated={vi.fn()} />);
    await user.type(screen.getByLabelText('Email address'), 'maria');
    await user.click(screen.getByRole('button', { name: 'Email me a login code' }));
    expect(screen.getByText(/Enter the email address your business has on file/)).toBeVisible();
    expect(login.requestCode).not.toHaveBeenCalled();
  });

  it('moves to six code boxes and counts down to the resend the server allows', async () => {
    const login = fakeLogin();
    await toCodeStep(login);
    expect(login.requestCode).toHaveBeenCalledWith('maria@example.com');
    expect(screen.getAllByRole('textbox', { name: /Digit \d of 6/ })).toHaveLength(6);
    expect(screen.getByRole('button', { name: /Resend code in 0:4\d/ })).toBeDisabled();
  });

  it('fills every box from a pasted code and logs in', async () => {
    const login = fakeLogin();
    const { user, onAuthenticated } = await toCodeStep(login);
    await user.click(screen.getByRole('textbox', { name: 'Digit 1 of 6' }));
    await user.paste('123 456');
    await waitFor(() => expect(onAuthenticated).toHaveBeenCalledWith(authenticated));
    expect(login.verifyCode).toHaveBeenCalledWith('maria@example.com', '123456', false);
  });

  it('moves focus box by box while typing', async () => {
    const login = fakeLogin({ verifyCode: vi.fn(() => new Promise<LoginResponse>(() => {})) });
    const { user } = await toCodeStep(login);
    await user.click(screen.getByRole('textbox', { name: 'Digit 1 of 6' }));
    await user.keyboard('12');
    expect(screen.getByRole('textbox', { name: 'Digit 3 of 6' })).toHaveFocus();
    await user.keyboard('{Backspace}');
    expect(screen.getByRole('textbox', { name: 'Digit 2 of 6' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Digit 2 of 6' })).toHaveValue('');
  });

  it('says a wrong or expired code is wrong, and empties the boxes', async () => {
    const detail = 'This code is wrong or has expired. Check the latest email, or request a new code.';
    const login = fakeLogin({ verifyCode: vi.fn(async () => Promise.reject(problem(401, detail))) });
    const { user, onAuthenticated } = await toCodeStep(login);
    await user.click(screen.getByRole('textbox', { name: 'Digit 1 of 6' }));
    await user.paste('000000');
    expect(await screen.findByRole('alert')).toHaveTextContent(detail);
    expect(screen.getByRole('textbox', { name: 'Digit 1 of 6' })).toHaveValue('');
    expect(onAuthenticated).not.toHaveBeenCalled();
  });

  it('says how long to wait after too many attempts', async () => {
    const login = fakeLogin({
      verifyCode: vi.fn(async () =>
        Promise.reject(problem(429, 'Too many attempts from this address.', 125)),
      ),
    });
    const { user } = await toCodeStep(login);
    await user.click(screen.getByRole('textbox', { name: 'Digit 1 of 6' }));
    await user.paste('111111');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts from this address. You can try again in 2:05.',
    );
  });

  it('offers the accounts when one email has several, and logs in as the chosen one', async () => {
    const choice: LoginResponse = {
      status: 'choose_account',
      selection_token: 'sel',
      accounts: [
        { id: 'c1', name: 'Lukas Becker', company: 'Café Kiez' },
        { id: 'c2', name: 'Lukas Becker', company: 'Kiez Bikes' },
      ],
    };
    const login = fakeLogin({ verifyCode: vi.fn(async () => choice) });
    const { user, onAuthenticated } = await toCodeStep(login);
    await user.click(screen.getByRole('textbox', { name: 'Digit 1 of 6' }));
    await user.paste('123456');
    expect(await screen.findByRole('heading', { name: 'Which account?' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: /Kiez Bikes/ }));
    await waitFor(() => expect(onAuthenticated).toHaveBeenCalled());
    expect(login.selectAccount).toHaveBeenCalledWith('sel', 'c2', false);
  });

  it('enables the resend when the countdown ends and sends again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const login = fakeLogin({
        requestCode: vi.fn(async () => ({
          message: 'Sent.',
          channel: 'email' as const,
          expires_in: 600,
          resend_in: 2,
        })),
      });
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      render(<LoginFlow login={login} onAuthenticated={vi.fn()} />);
      await user.type(screen.getByLabelText('Email address'), 'maria@example.com');
      await user.click(screen.getByRole('button', { name: 'Email me a login code' }));
      await screen.findByText('Check your email');
      await act(async () => vi.advanceTimersByTime(2500));
      await user.click(screen.getByRole('button', { name: 'Resend code' }));
      await waitFor(() => expect(login.requestCode).toHaveBeenCalledTimes(2));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('LoginFlow keeping the login on this device', () => {
  const choice: LoginResponse = {
    status: 'choose_account',
    selection_token: 'sel',
    accounts: [
      { id: 'c1', name: 'Lukas Becker', company: 'Café Kiez' },
      { id: 'c2', name: 'Lukas Becker', company: 'Kiez Bikes' },
    ],
  };

  it('offers no such box unless asked to, and logs in for this browser session only', async () => {
    const login = fakeLogin();
    render(<LoginFlow login={login} onAuthenticated={vi.fn()} />);
    expect(screen.queryByRole('checkbox')).toBeNull();
    cleanup();

    const { user } = await toCodeStep(login);
    expect(screen.queryByRole('checkbox')).toBeNull();
    await user.click(screen.getByRole('textbox', { name: 'Digit 1 of 6' }));
    await user.paste('123456');
    await waitFor(() => expect(login.verifyCode).toHaveBeenCalledWith('maria@example.com', '123456', false));
  });

  it('carries the box ticked on the email step to the code step and into the login', async () => {
    const login = fakeLogin({ verifyCode: vi.fn(async () => choice) });
    const { user, onAuthenticated } = await toCodeStep(login, vi.fn(), {
      offerRemember: true,
      remember: true,
    });
    const box = screen.getByRole('checkbox', { name: REMEMBER });
    expect(box).toBeChecked();
    expect(box).toHaveAccessibleDescription('For 30 days. Leave it off on a shared computer.');
    await user.click(screen.getByRole('textbox', { name: 'Digit 1 of 6' }));
    await user.paste('123456');
    await waitFor(() => expect(login.verifyCode).toHaveBeenCalledWith('maria@example.com', '123456', true));
    await user.click(await screen.findByRole('button', { name: /Kiez Bikes/ }));
    await waitFor(() => expect(onAuthenticated).toHaveBeenCalledWith(authenticated));
    expect(login.selectAccount).toHaveBeenCalledWith('sel', 'c2', true);
  });

  it('can still be unticked on the code step', async () => {
    const login = fakeLogin();
    const { user } = await toCodeStep(login, vi.fn(), { offerRemember: true, remember: true });
    await user.click(screen.getByRole('checkbox', { name: REMEMBER }));
    await user.click(screen.getByRole('textbox', { name: 'Digit 1 of 6' }));
    await user.paste('123456');
    await waitFor(() => expect(login.verifyCode).toHaveBeenCalledWith('maria@example.com', '123456', false));
  });

  it('starts unticked when offered', async () => {
    const login = fakeLogin();
    const { user } = await toCodeStep(login, vi.fn(), { offerRemember: true });
    expect(screen.getByRole('checkbox', { name: REMEMBER })).not.toBeChecked();
    await user.click(screen.getByRole('textbox', { name: 'Digit 1 of 6' }));
    await user.paste('123456');
    await waitFor(() => expect(login.verifyCode).toHaveBeenCalledWith('maria@example.com', '123456', false));
  });
});

describe('LoginFlow by text message', () => {
  it('has no text button without a way to send one, as on the staff login', () => {
    render(<LoginFlow login={fakeLogin()} onAuthenticated={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Email me a login code' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Text me the code' })).toBeNull();
    expect(
      screen.getByText(/We'll email you a 6-digit code and a one-click link. No password needed./),
    ).toBeVisible();
  });

  it('asks the portal for the code by text and says to check the phone', async () => {
    let sent: unknown;
    stubApi({
      'POST /api/v1/portal/demo/auth/otp': async (request) => {
        sent = await request.json();
        return {
          status: 202,
          body: { message: 'A code is on its way.', channel: 'sms', expires_in: 600, resend_in: 45 },
        };
      },
    });
    try {
      const login = fakeLogin();
      const user = userEvent.setup();
      render(<LoginFlow login={login} onAuthenticated={vi.fn()} requestTextCode={portalTextCode('demo')} />);
      await user.type(screen.getByLabelText('Email address'), 'maria@example.com');
      await user.click(screen.getByRole('button', { name: 'Text me the code' }));
      expect(await screen.findByRole('heading', { name: 'Check your phone' })).toBeVisible();
      expect(sent).toEqual(expect.objectContaining({ email: 'maria@example.com', channel: 'sms' }));
      expect(login.requestCode).not.toHaveBeenCalled();
      expect(screen.getAllByRole('textbox', { name: /Digit \d of 6/ })).toHaveLength(6);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('says to check the email when the server answers that the code went by email', async () => {
    const login = fakeLogin();
    const requestTextCode = vi.fn(async () => ({
      message: 'Text messages are not available here.',
      channel: 'email' as const,
      expires_in: 600,
      resend_in: 45,
    }));
    const user = userEvent.setup();
    render(<LoginFlow login={login} onAuthenticated={vi.fn()} requestTextCode={requestTextCode} />);
    await user.type(screen.getByLabelText('Email address'), 'maria@example.com');
    await user.click(screen.getByRole('button', { name: 'Text me the code' }));
    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeVisible();
    expect(requestTextCode).toHaveBeenCalledWith('maria@example.com');
    expect(login.requestCode).not.toHaveBeenCalled();
  });

  it('resends by text when the code was asked for by text', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const login = fakeLogin();
      const requestTextCode = vi.fn(async () => ({
        message: 'Sent.',
        channel: 'sms' as const,
        expires_in: 600,
        resend_in: 2,
      }));
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      render(<LoginFlow login={login} onAuthenticated={vi.fn()} requestTextCode={requestTextCode} />);
      await user.type(screen.getByLabelText('Email address'), 'maria@example.com');
      await user.click(screen.getByRole('button', { name: 'Text me the code' }));
      await screen.findByRole('heading', { name: 'Check your phone' });
      await act(async () => vi.advanceTimersByTime(2500));
      await user.click(screen.getByRole('button', { name: 'Resend code' }));
      await waitFor(() => expect(requestTextCode).toHaveBeenCalledTimes(2));
      expect(login.requestCode).not.toHaveBeenCalled();
      expect(screen.getByRole('heading', { name: 'Check your phone' })).toBeVisible();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('LinkConfirm', () => {
  it('waits for a click before spending the link, then logs in', async () => {
    const login = fakeLogin();
    const onAuthenticated = vi.fn();
    const user = userEvent.setup();
    render(
      <LinkConfirm
        login={login}
        link={{ token: 'tok', email: 'maria@example.com' }}
        onAuthenticated={onAuthenticated}
        loginHref="/login"
      />,
    );
    expect(login.redeemLink).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Continue as maria@example.com' }));
    await waitFor(() => expect(onAuthenticated).toHaveBeenCalledWith(authenticated));
    expect(login.redeemLink).toHaveBeenCalledWith('tok', false);
  });

  it('keeps the login on this device when the box is ticked before continuing', async () => {
    const login = fakeLogin();
    const user = userEvent.setup();
    render(
      <LinkConfirm
        login={login}
        link={{ token: 'tok', email: 'maria@example.com' }}
        onAuthenticated={vi.fn()}
        loginHref="/login"
        offerRemember
      />,
    );
    await user.click(screen.getByRole('checkbox', { name: REMEMBER }));
    await user.click(screen.getByRole('button', { name: 'Continue as maria@example.com' }));
    await waitFor(() => expect(login.redeemLink).toHaveBeenCalledWith('tok', true));
  });

  it('offers no box on a link page that does not ask for it', () => {
    render(
      <LinkConfirm
        login={fakeLogin()}
        link={{ token: 'tok', email: 'maria@example.com' }}
        onAuthenticated={vi.fn()}
        loginHref="/login"
      />,
    );
    expect(screen.getByRole('button', { name: 'Continue as maria@example.com' })).toBeVisible();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('says a used link is used, with a way to get a new code', async () => {
    const detail = 'This login link has expired or was already used. Request a new one.';
    const login = fakeLogin({ redeemLink: vi.fn(async () => Promise.reject(problem(401, detail))) });
    const user = userEvent.setup();
    render(
      <LinkConfirm
        login={login}
        link={{ token: 'tok', email: null }}
        onAuthenticated={vi.fn()}
        loginHref="/login"
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(detail);
    expect(screen.getByRole('link', { name: 'Get a new code' })).toHaveAttribute('href', '/login');
  });

  it('explains an incomplete link instead of showing a dead button', () => {
    render(
      <LinkConfirm
        login={fakeLogin()}
        link={{ token: null, email: null }}
        onAuthenticated={vi.fn()}
        loginHref="/login"
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('This login link is incomplete');
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('LoginFlow with a passkey', () => {
  const PASSKEY = 'Sign in with a passkey';
  const credential = { id: 'cred', type: 'public-key', response: { signature: 'c2ln' } };

  it('asks for options, lets the browser sign them, and logs in with the answer', async () => {
    vi.mocked(getPasskey).mockResolvedValue(credential);
    const login = fakeLogin();
    const onAuthenticated = vi.fn();
    const user = userEvent.setup();
    render(<LoginFlow login={login} onAuthenticated={onAuthenticated} offerRemember />);
    await user.click(screen.getByRole('checkbox', { name: REMEMBER }));
    await user.click(screen.getByRole('button', { name: PASSKEY }));

    await waitFor(() => expect(onAuthenticated).toHaveBeenCalledWith(authenticated));
    expect(getPasskey).toHaveBeenCalledWith(passkeyOptions.options);
    expect(login.passkeyLogin).toHaveBeenCalledWith('cer_1', credential, true);
    const order = [login.passkeyOptions, getPasskey, login.passkeyLogin].map(
      (fn) => vi.mocked(fn).mock.invocationCallOrder[0],
    );
    expect(order).toEqual([...order].sort((a, b) => a! - b!));
    // No email is needed: the passkey names its account.
    expect(login.requestCode).not.toHaveBeenCalled();
  });

  it('logs in for this browser session only when the box is not offered', async () => {
    vi.mocked(getPasskey).mockResolvedValue(credential);
    const login = fakeLogin();
    const user = userEvent.setup();
    render(<LoginFlow login={login} onAuthenticated={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: PASSKEY }));
    await waitFor(() => expect(login.passkeyLogin).toHaveBeenCalledWith('cer_1', credential, false));
  });

  it('says a closed passkey dialog was cancelled, and stays on the email step', async () => {
    vi.mocked(getPasskey).mockRejectedValue(new PasskeyError('cancelled'));
    const login = fakeLogin();
    const onAuthenticated = vi.fn();
    const user = userEvent.setup();
    render(<LoginFlow login={login} onAuthenticated={onAuthenticated} />);
    await user.click(screen.getByRole('button', { name: PASSKEY }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Passkey sign-in was cancelled.');
    expect(login.passkeyLogin).not.toHaveBeenCalled();
    expect(onAuthenticated).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Email address')).toBeVisible();
    expect(screen.getByRole('button', { name: PASSKEY })).toBeEnabled();
  });

  it('shows the server’s words when it refuses the passkey', async () => {
    vi.mocked(getPasskey).mockResolvedValue(credential);
    const detail = 'This passkey is not registered here. Log in with a code instead.';
    const login = fakeLogin({ passkeyLogin: vi.fn(async () => Promise.reject(problem(401, detail))) });
    const user = userEvent.setup();
    render(<LoginFlow login={login} onAuthenticated={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: PASSKEY }));
    expect(await screen.findByRole('alert')).toHaveTextContent(detail);
  });

  it('offers the account choice when the passkey opens several', async () => {
    vi.mocked(getPasskey).mockResolvedValue(credential);
    const login = fakeLogin({
      passkeyLogin: vi.fn(async () => ({
        status: 'choose_account' as const,
        selection_token: 'sel',
        accounts: [
          { id: 'c1', name: 'Lukas Becker', company: 'Café Kiez' },
          { id: 'c2', name: 'Lukas Becker', company: 'Kiez Bikes' },
        ],
      })),
    });
    const user = userEvent.setup();
    render(<LoginFlow login={login} onAuthenticated={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: PASSKEY }));
    expect(await screen.findByRole('heading', { name: 'Which account?' })).toBeVisible();
    expect(
      screen.getByText('This email has more than one account. Choose the one to continue with.'),
    ).toBeVisible();
  });

  it('is not offered where the browser cannot use passkeys', () => {
    vi.mocked(passkeysSupported).mockReturnValue(false);
    render(<LoginFlow login={fakeLogin()} onAuthenticated={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Email me a login code' })).toBeVisible();
    expect(screen.queryByRole('button', { name: PASSKEY })).toBeNull();
  });
});
