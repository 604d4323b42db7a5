import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { loggedOut, type Realm } from '@/api/session';
import { useRestore, useSession, useSilentRefresh } from './session-hooks';

/**
 * Shows `children` to a logged-in caller. Without a session (never logged in, logged out, or
 * a 401 ended it) it goes to `loginPath`; unless the person logged out, it remembers where
 * they wanted to go.
 */
export function RequireSession({
  realm,
  loginPath,
  children,
}: {
  realm: Realm;
  loginPath: string;
  children: ReactNode;
}) {
  const session = useSession(realm);
  const location = useLocation();
  const checking = useRestore(realm);
  useSilentRefresh(realm, Boolean(session));
  // Another tab's login (the cookie) is asked for before sending anyone to the login page.
  if (!session && checking) return <div role="status" aria-busy="true" className="min-h-dvh" />;
  if (!session) {
    if (loggedOut(realm)) return <Navigate to={loginPath} replace />;
    const next = location.pathname + location.search;
    return <Navigate to={`${loginPath}?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
