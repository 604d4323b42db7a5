import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { consoleLogin, type Tokens } from '@/api/login';
import { sessionFromTokens, setSession } from '@/api/session';
import { readLinkFragment } from '@/components/login/fragment';
import { LanguagePicker } from '@/components/LanguagePicker';
import { LinkConfirm } from '@/components/login/LinkConfirm';
import { LoginFlow } from '@/components/login/LoginFlow';
import { Loading } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { safeNext } from '@/lib/safe-next';
import { useActiveRealm, useRestore, useSession } from '@/lib/session-hooks';

function ConsoleLoginFrame({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <main className="flex min-h-dvh items-start justify-center px-4 py-10 sm:items-center">
      <div className="w-full max-w-md">
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <div className="mb-6 flex items-center gap-3">
            <img src="/favicon.svg" alt="" className="h-10 w-10" />
            <div>
              <h1 className="text-xl font-semibold text-slate-900">{t('consoleMe.login.title')}</h1>
              <p className="text-sm text-slate-600">{t('consoleMe.login.tagline')}</p>
            </div>
          </div>
          {children}
        </div>
        <p className="mt-6 text-center text-xs text-slate-600">{t('consoleMe.login.clientsElsewhere')}</p>
        <LanguagePicker className="mt-3 flex items-center justify-center gap-2 text-xs" />
      </div>
    </main>
  );
}

function useCompleteLogin() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  return (tokens: Tokens) => {
    queryClient.removeQueries({ queryKey: ['console'] });
    setSession('console', sessionFromTokens(tokens));
    navigate(safeNext(location.search, '/app'), { replace: true });
  };
}

export function ConsoleLoginPage() {
  const t = useT();
  useActiveRealm('console');
  const session = useSession('console');
  // Logged in in another tab (or kept on this device): the cookie says so, and the page moves on.
  const checking = useRestore('console');
  const complete = useCompleteLogin();
  const location = useLocation();
  if (session) return <Navigate to={safeNext(location.search, '/app')} replace />;
  return (
    <ConsoleLoginFrame>
      {/* No form to type into while the answer may still take the person elsewhere. */}
      {checking ? (
        <Loading />
      ) : (
        // Always offered: the server keeps the login only where the business allows it.
        <LoginFlow
          login={consoleLogin}
          onAuthenticated={complete}
          chooserTitle={t('consoleMe.login.whichBusiness')}
          offerRemember
        />
      )}
    </ConsoleLoginFrame>
  );
}

export function ConsoleLinkPage() {
  const t = useT();
  useActiveRealm('console');
  const complete = useCompleteLogin();
  const [link] = useState(readLinkFragment);
  return (
    <ConsoleLoginFrame>
      <LinkConfirm
        login={consoleLogin}
        link={link}
        onAuthenticated={complete}
        loginHref="/app/login"
        chooserTitle={t('consoleMe.login.whichBusiness')}
        offerRemember
      />
    </ConsoleLoginFrame>
  );
}
