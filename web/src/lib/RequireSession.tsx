import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { loggedOut, type Realm } from '@/api/session';
import { useSession, useSilentRefresh } from './session-hooks';

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
  useSilentRefresh(realm, Boolean(session));
  if (!session) {
    if (loggedOut(realm)) return <Navigate to={loginPath} replace />;
    const next = location.pathname + location.search;
    return <Navigate to={`${loginPath}?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
