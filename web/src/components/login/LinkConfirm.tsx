import { useEffect, useState } from 'react';
import { messageOf } from '@/api/problem';
import { Alert, Button } from '@/components/ui';
import { Rich } from '@/lib/i18n/Rich';
import { useT } from '@/lib/i18n/hooks';
import type { LoginApi, LoginResponse, Tokens } from '@/api/login';
import { AccountChooser } from './AccountChooser';
import { RememberDevice } from './RememberDevice';
import { clearFragment, type LinkFragment } from './fragment';

/**
 * The page a login link opens. It asks for one click before using the link, because mail
 * scanners open links on their own, and a link they opened would be spent.
 */
export function LinkConfirm({
  login,
  link,
  onAuthenticated,
  loginHref,
  chooserTitle,
  offerRemember = false,
}: {
  login: LoginApi;
  link: LinkFragment;
  onAuthenticated: (tokens: Tokens) => void;
  loginHref: string;
  chooserTitle?: string;
  /** Offers "Keep me signed in on this device" before the link is used (see `LoginFlow`). */
  offerRemember?: boolean;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [rememberBox, setRememberBox] = useState(false);
  const remember = offerRemember && rememberBox;
  const [error, setError] = useState<string | null>(null);
  useEffect(clearFragment, []);
  const [choice, setChoice] = useState<Extract<LoginResponse, { status: 'choose_account' }> | null>(null);

  const finish = (result: LoginResponse) => {
    if (result.status === 'choose_account') setChoice(result);
    else onAuthenticated(result);
  };

  const run = async (action: () => Promise<LoginResponse>) => {
    setBusy(true);
    setError(null);
    try {
      finish(await action());
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (!link.token) {
    return (
      <div className="space-y-4">
        <Alert tone="error">{t('login.link.incomplete')}</Alert>
        <a className="font-medium text-brand-ink underline" href={loginHref}>
          {t('login.link.toLogin')}
        </a>
      </div>
    );
  }

  if (choice) {
    return (
      <div className="space-y-4">
        {error && <Alert tone="error">{error}</Alert>}
        <AccountChooser
          title={chooserTitle ?? t('login.whichAccount')}
          email={link.email}
          accounts={choice.accounts}
          busy={busy}
          onChoose={(id) => void run(() => login.selectAccount(choice.selection_token, id, remember))}
        />
      </div>
    );
  }

  return (
    <div className="space-y-5">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{t('login.link.title')}</h2>
        <p className="mt-1 text-sm text-slate-600">
          {link.email ? (
            <Rich
              text={t('login.link.logsIn', { email: link.email })}
              tags={{ b: (chunk) => <strong className="text-slate-900">{chunk}</strong> }}
            />
          ) : (
            t('login.link.once')
          )}
        </p>
      </div>
      {error && (
        <Alert tone="error">
          {error}{' '}
          <a className="font-semibold underline" href={loginHref}>
            {t('login.link.newCode')}
          </a>
        </Alert>
      )}
      {!error && offerRemember && (
        <RememberDevice checked={rememberBox} onChange={setRememberBox} disabled={busy} />
      )}
      {!error && (
        <Button
          className="w-full"
          busy={busy}
          onClick={() => void run(() => login.redeemLink(link.token!, remember))}
        >
          {link.email ? t('login.continueAs', { name: link.email }) : t('login.continue')}
        </Button>
      )}
    </div>
  );
}
