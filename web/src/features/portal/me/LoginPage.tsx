import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { sessionFromTokens, setSession } from '@/api/session';
import { safeNext } from '@/lib/safe-next';
import { useRestore, useSession } from '@/lib/session-hooks';
import { portalLogin, type Tokens } from '@/api/login';
import { readLinkFragment } from '@/components/login/fragment';
import { LanguagePicker } from '@/components/LanguagePicker';
import { LinkConfirm } from '@/components/login/LinkConfirm';
import { LoginFlow } from '@/components/login/LoginFlow';
import { portalTextCode } from '@/components/login/textCode';
import { useT } from '@/lib/i18n/hooks';
import { usePortal } from '@/lib/portal';
import { LoginCard } from '@/components/branding/LoginCard';
import { Loading } from '@/components/ui';

function useCompleteLogin() {
  const { realm, base } = usePortal();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  return (tokens: Tokens) => {
    queryClient.removeQueries({ queryKey: ['portal'] });
    setSession(realm, sessionFromTokens(tokens));
    navigate(safeNext(location.search, base || '/'), { replace: true });
  };
}

function Centered({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-dvh items-start justify-center px-4 py-10 sm:items-center">{children}</main>
  );
}

/** The portal's front page: the login, and below it what the app adds (published reviews). */
export function PortalLoginPage({ below }: { below?: React.ReactNode }) {
  const t = useT();
  const { slug, base, realm, branding } = usePortal();
  const session = useSession(realm);
  // Logged in in another tab (or kept on this device): the cookie says so, and the page moves on.
  const checking = useRestore(realm);
  const complete = useCompleteLogin();
  const location = useLocation();
  const [login] = useState(() => portalLogin(slug));
  const [textCode] = useState(() => portalTextCode(slug));
  if (session) return <Navigate to={safeNext(location.search, base || '/')} replace />;
  return (
    <Centered>
      <div className="w-full max-w-md space-y-6">
        <LoginCard branding={branding}>
          {/* No form to type into while the answer may still take the person elsewhere. */}
          {checking ? (
            <Loading />
          ) : (
            <LoginFlow
              login={login}
              onAuthenticated={complete}
              chooserTitle={t('portalMe.whichAccount')}
              requestTextCode={branding.sms_login ? textCode : undefined}
              offerRemember={branding.remember_device}
            />
          )}
        </LoginCard>
        <LanguagePicker className="flex items-center justify-center gap-2 text-sm" />
        {below}
      </div>
    </Centered>
  );
}

export function PortalLinkPage() {
  const { slug, base, branding } = usePortal();
  const complete = useCompleteLogin();
  const [login] = useState(() => portalLogin(slug));
  const [link] = useState(readLinkFragment);
  return (
    <Centered>
      <LoginCard branding={branding}>
        <LinkConfirm
          login={login}
          link={link}
          onAuthenticated={complete}
          loginHref={`${base}/login`}
          offerRemember={branding.remember_device}
        />
      </LoginCard>
    </Centered>
  );
}
