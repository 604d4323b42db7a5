import { useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, CodeInput, TextField } from '@/components/ui';
import { Rich } from '@/lib/i18n/Rich';
import { useT } from '@/lib/i18n/hooks';
import { formatSeconds, useCountdown } from '@/lib/useCountdown';
import { getPasskey, PasskeyError, passkeysSupported } from '@/lib/webauthn';
import type { AccountChoice, CodeRequested, LoginApi, LoginResponse, Tokens } from '@/api/login';
import { AccountChooser } from './AccountChooser';
import { RememberDevice } from './RememberDevice';
import type { RequestTextCode } from './textCode';

type Channel = CodeRequested['channel'];

type Step =
  | { name: 'email' }
  /** `asked`: the channel a resend uses; `sentBy`: the one the server said the code travels by. */
  | { name: 'code'; sentMessage: string; asked: Channel; sentBy: Channel }
  | { name: 'choose'; selectionToken: string; accounts: AccountChoice[] };

/** When the server does not say how long to wait before a resend. */
const DEFAULT_RESEND_SECONDS = 60;

export interface LoginFlowProps {
  login: LoginApi;
  onAuthenticated: (tokens: Tokens) => void;
  /** Shown in the chooser: "Which account?" for clients, "Which business?" for staff. */
  chooserTitle?: string;
  initialEmail?: string;
  /**
   * Offers "Text me the code" beside the email button. Only a portal whose branding says text
   * messages are set up passes it; the console never does (staff codes always go by email).
   */
  requestTextCode?: RequestTextCode;
  /**
   * Offers "Keep me signed in on this device". Only where the business allows it (a portal's
   * branding says so; the console always offers it and the server applies the business's rule).
   */
  offerRemember?: boolean;
}

/**
 * Email → six-digit code (by email, or by text on a portal that offers it) → (account choice)
 * → session; or, where the browser can, a passkey in one step. Every failure is said in words:
 * a wrong or expired code, too many attempts with how long to wait, a cancelled passkey
 * dialog, a network error.
 */
export function LoginFlow({
  login,
  onAuthenticated,
  chooserTitle,
  initialEmail = '',
  requestTextCode,
  offerRemember = false,
}: LoginFlowProps) {
  const t = useT();
  const [step, setStep] = useState<Step>({ name: 'email' });
  const [email, setEmail] = useState(initialEmail);
  const [code, setCode] = useState('');
  // One choice for the whole flow: ticked on the email step, it still holds on the code step.
  const [rememberBox, setRememberBox] = useState(false);
  const remember = offerRemember && rememberBox;
  const [busy, setBusy] = useState(false);
  /** Which button on the email step is waiting (for the server, or the passkey dialog). */
  const [sending, setSending] = useState<Channel | 'passkey' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | undefined>();
  const [resendAt, setResendAt] = useState<number | null>(null);
  const resendIn = useCountdown(resendAt);

  const waitFor = (seconds: number) => setResendAt(Date.now() + seconds * 1000);

  const finish = (result: LoginResponse) => {
    if (result.status === 'choose_account') {
      setStep({ name: 'choose', selectionToken: result.selection_token, accounts: result.accounts });
    } else {
      onAuthenticated(result);
    }
  };

  const fail = (e: unknown) => {
    if (e instanceof ApiProblem && e.status === 429 && e.retryAfter) {
      waitFor(e.retryAfter);
      setError(t('login.tooMany', { problem: e.message, time: formatSeconds(e.retryAfter) }));
    } else {
      setError(messageOf(e));
    }
  };

  const requestCode = async (asked: Channel, event?: FormEvent) => {
    event?.preventDefault();
    setError(null);
    setEmailError(undefined);
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) {
      setEmailError(t('login.email.invalid'));
      return;
    }
    const byText = asked === 'sms' && requestTextCode ? requestTextCode : null;
    setBusy(true);
    setSending(byText ? 'sms' : 'email');
    try {
      const sent = byText ? await byText(email.trim()) : await login.requestCode(email.trim());
      waitFor(sent.resend_in ?? DEFAULT_RESEND_SECONDS);
      setCode('');
      setStep({
        name: 'code',
        sentMessage: sent.message,
        asked: byText ? 'sms' : 'email',
        sentBy: sent.channel === 'sms' ? 'sms' : 'email',
      });
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 422) setEmailError(e.fieldError('email') ?? e.message);
      else fail(e);
      // A cooldown still running from an earlier request: the code already sent is valid.
      if (e instanceof ApiProblem && e.status === 429 && step.name === 'email' && e.retryAfter) {
        setStep(
          byText
            ? { name: 'code', sentMessage: t('login.alreadySentText'), asked: 'sms', sentBy: 'sms' }
            : { name: 'code', sentMessage: t('login.alreadySent'), asked: 'email', sentBy: 'email' },
        );
      }
    } finally {
      setBusy(false);
      setSending(null);
    }
  };

  // A discoverable passkey names its account itself, so no email is asked for.
  const signInWithPasskey = async () => {
    setError(null);
    setEmailError(undefined);
    setBusy(true);
    setSending('passkey');
    try {
      const ceremony = await login.passkeyOptions();
      const credential = await getPasskey(ceremony.options);
      finish(await login.passkeyLogin(ceremony.ceremony_id, credential, remember));
    } catch (e) {
      if (e instanceof PasskeyError) {
        setError(e.reason === 'cancelled' ? t('login.passkey.cancelled') : t('login.passkey.failed'));
      } else {
        fail(e);
      }
    } finally {
      setBusy(false);
      setSending(null);
    }
  };

  const verify = async (value = code) => {
    if (value.length !== 6 || busy) return;
    setError(null);
    setBusy(true);
    try {
      finish(await login.verifyCode(email.trim(), value, remember));
    } catch (e) {
      fail(e);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  const choose = async (accountId: string) => {
    if (step.name !== 'choose') return;
    setError(null);
    setBusy(true);
    try {
      finish(await login.selectAccount(step.selectionToken, accountId, remember));
    } catch (e) {
      fail(e);
      if (e instanceof ApiProblem && e.status === 401) setStep({ name: 'email' });
    } finally {
      setBusy(false);
    }
  };

  if (step.name === 'choose') {
    return (
      <div className="space-y-4">
        {error && <Alert tone="error">{error}</Alert>}
        <AccountChooser
          title={chooserTitle ?? t('login.whichAccount')}
          email={email}
          accounts={step.accounts}
          busy={busy}
          onChoose={choose}
        />
      </div>
    );
  }

  if (step.name === 'code') {
    const byText = step.sentBy === 'sms';
    return (
      <form
        className="space-y-5"
        onSubmit={(e) => {
          e.preventDefault();
          void verify();
        }}
      >
        <div>
          <h2 className="text-lg font-semibold text-slate-900">
            {byText ? t('login.code.titleText') : t('login.code.title')}
          </h2>
          <p id="code-help" className="mt-1 text-sm text-slate-600">
            <Rich
              text={
                byText
                  ? t('login.code.helpText', { sent: step.sentMessage, email })
                  : t('login.code.help', { sent: step.sentMessage, email })
              }
              tags={{ b: (chunk) => <strong className="text-slate-900">{chunk}</strong> }}
            />
          </p>
        </div>
        {error && <Alert tone="error">{error}</Alert>}
        <CodeInput
          value={code}
          onChange={setCode}
          onComplete={(v) => void verify(v)}
          disabled={busy}
          invalid={Boolean(error)}
          describedBy="code-help"
        />
        {offerRemember && <RememberDevice checked={rememberBox} onChange={setRememberBox} disabled={busy} />}
        <Button type="submit" className="w-full" busy={busy} disabled={code.length !== 6}>
          {t('login.code.submit')}
        </Button>
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <button
            type="button"
            className="font-medium text-brand-ink underline-offset-2 hover:underline"
            onClick={() => {
              setStep({ name: 'email' });
              setError(null);
            }}
          >
            {t('login.code.otherEmail')}
          </button>
          <button
            type="button"
            className="font-medium text-brand-ink underline-offset-2 hover:underline disabled:cursor-not-allowed disabled:text-slate-600 disabled:no-underline"
            disabled={resendIn > 0 || busy}
            onClick={() => void requestCode(step.asked)}
          >
            {resendIn > 0
              ? t('login.code.resendIn', { time: formatSeconds(resendIn) })
              : t('login.code.resend')}
          </button>
        </div>
      </form>
    );
  }

  const cooling = resendIn > 0 && Boolean(error);
  return (
    <div className="space-y-5">
      <form className="space-y-5" onSubmit={(e) => void requestCode('email', e)} noValidate>
        {error && <Alert tone="error">{error}</Alert>}
        <TextField
          label={t('login.email.label')}
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          autoFocus
          required
          value={email}
          error={emailError}
          hint={requestTextCode ? t('login.email.hintText') : t('login.email.hint')}
          onChange={(e) => setEmail(e.target.value)}
        />
        {offerRemember && <RememberDevice checked={rememberBox} onChange={setRememberBox} disabled={busy} />}
        <div className="space-y-3">
          <Button
            type="submit"
            className="w-full"
            busy={busy && sending === 'email'}
            disabled={busy || cooling}
          >
            {t('login.email.submit')}
          </Button>
          {requestTextCode && (
            <Button
              variant="secondary"
              className="w-full"
              busy={busy && sending === 'sms'}
              disabled={busy || cooling}
              onClick={() => void requestCode('sms')}
            >
              {t('login.email.text')}
            </Button>
          )}
        </div>
      </form>
      {passkeysSupported() && (
        <>
          <p className="flex items-center gap-3 text-sm text-slate-600" aria-hidden>
            <span className="h-px flex-1 bg-slate-200" />
            {t('login.or')}
            <span className="h-px flex-1 bg-slate-200" />
          </p>
          <Button
            variant="secondary"
            className="w-full"
            busy={busy && sending === 'passkey'}
            disabled={busy}
            onClick={() => void signInWithPasskey()}
          >
            {t('login.passkey.button')}
          </Button>
        </>
      )}
    </div>
  );
}
