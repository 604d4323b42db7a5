/**
 * React bindings for the login sessions in `api/session.ts`.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { setActiveRealm } from '@/api/client';
import { fresh, getSession, msUntilRefresh, restore, restoring, subscribe, type Realm } from '@/api/session';

export function useSession(realm: Realm) {
  return useSyncExternalStore(subscribe, () => getSession(realm));
}

/**
 * Asks the browser's session cookie for a session when this tab has none yet (a new tab, a
 * reload); true while the answer is awaited.
 */
export function useRestore(realm: Realm): boolean {
  const pending = useSyncExternalStore(subscribe, () => restoring(realm));
  useEffect(() => {
    if (pending) void restore(realm);
  }, [realm, pending]);
  return pending;
}

/** Makes `realm` the one that authenticates API calls while this screen is shown. */
export function useActiveRealm(realm: Realm) {
  // Set during render as well, so the first queries of the screen already carry the token.
  setActiveRealm(realm);
  useEffect(() => {
    setActiveRealm(realm);
  }, [realm]);
}

/** Refreshes the access token shortly before it expires, so an open tab stays logged in. */
export function useSilentRefresh(realm: Realm, active: boolean) {
  const session = useSession(realm);
  useEffect(() => {
    if (!active || !session) return;
    const wait = msUntilRefresh(realm);
    if (wait === null) return;
    const timer = setTimeout(() => void fresh(realm), wait + 50);
    return () => clearTimeout(timer);
  }, [realm, session, active]);
}
