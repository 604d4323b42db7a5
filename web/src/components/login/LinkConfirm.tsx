import { useEffect, useState } from 'react';
import { messageOf } from '@/api/problem';
import { Alert, Button } from '@/components/ui';
import type { LoginApi, LoginResponse, Tokens } from '@/api/login';
import { AccountChooser } from './AccountChooser';
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
  chooserTitle = 'Which account?',
}: {
  login: LoginApi;
  link: LinkFragment;
  onAuthenticated: (tokens: Tokens) => void;
  loginHref: string;
  chooserTitle?: string;
}) {
  const [busy, setBusy] = useState(false);
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
        <Alert tone="error">
          This login link is incomplete. Open it again from the email, or request a new code.
        </Alert>
        <a className="font-medium text-brand-ink underline" href={loginHref}>
          Go to the login page
        </a>
      </div>
    );
  }

  if (choice) {
    return (
      <div className="space-y-4">
        {error && <Alert tone="error">{error}</Alert>}
        <AccountChooser
          title={chooserTitle}
          email={link.email ?? 'This email'}
          accounts={choice.accounts}
          busy={busy}
          onChoose={(id) => void run(() => login.selectAccount(choice.selection_token, id))}
        />
      </div>
    );
  }

  return (
    <div className="space-y-5">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">Log in with your link</h2>
        <p className="mt-1 text-sm text-slate-600">
          {link.email ? (
            <>
              This link logs in <strong className="text-slate-900">{link.email}</strong>. It works once.
            </>
          ) : (
            'This link works once.'
          )}
        </p>
      </div>
      {error && (
        <Alert tone="error">
          {error}{' '}
          <a className="font-semibold underline" href={loginHref}>
            Get a new code
          </a>
        </Alert>
      )}
      {!error && (
        <Button className="w-full" busy={busy} onClick={() => void run(() => login.redeemLink(link.token!))}>
          {link.email ? `Continue as ${link.email}` : 'Continue'}
        </Button>
      )}
    </div>
  );
}
