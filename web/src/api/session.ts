/**
 * Login sessions, one per realm: the console, and each portal slug. Kept in memory and
 * mirrored to sessionStorage, so a reload keeps you logged in while closing the browser
 * logs you out. Access tokens are short-lived; `fresh()` refreshes them shortly before they
 * expire, one refresh at a time (refresh tokens are single use: two racing refreshes would
 * look like token theft to the server and end the session).
 */
import type { components } from './schema';

export type Tokens = components['schemas']['Tokens'];
export type Realm = 'console' | `portal:${string}`;

export interface Session {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** A staff member viewing the portal as this client (read-only). */
  impersonated?: boolean;
}

type Listener = () => void;

const STORAGE_PREFIX = 'portico.session.';
/** Refresh this long before the access token would expire. */
const MARGIN_MS = 60_000;

const memory = new Map<Realm, Session | null>();
/** Why a realm's session last ended: a logout returns to a plain login page, anything else keeps the way back. */
const endings = new Map<Realm, 'logout' | 'expired'>();
const listeners = new Set<Listener>();
const inFlight = new Map<Realm, Promise<Session | null>>();
let refresher: ((realm: Realm, refreshToken: string) => Promise<Tokens | null>) | null = null;

export function portalRealm(slug: string): Realm {
  return `portal:${slug}`;
}

export function sessionFromTokens(tokens: Tokens, extra: Partial<Session> = {}): Session {
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    sessionId: tokens.session_id,
    expiresAt: Date.now() + tokens.expires_in * 1000,
    ...extra,
  };
}

export function getSession(realm: Realm): Session | null {
  if (!memory.has(realm)) {
    let stored: Session | null = null;
    try {
      const raw = sessionStorage.getItem(STORAGE_PREFIX + realm);
      stored = raw ? (JSON.parse(raw) as Session) : null;
    } catch {
      stored = null;
    }
    memory.set(realm, stored);
  }
  return memory.get(realm) ?? null;
}

export function setSession(
  realm: Realm,
  session: Session | null,
  ending: 'logout' | 'expired' = 'expired',
): void {
  memory.set(realm, session);
  if (session) endings.delete(realm);
  else endings.set(realm, ending);
  try {
    if (session) sessionStorage.setItem(STORAGE_PREFIX + realm, JSON.stringify(session));
    else sessionStorage.removeItem(STORAGE_PREFIX + realm);
  } catch {
    // Private browsing may refuse storage; the session then lives in memory only.
  }
  listeners.forEach((l) => l());
}

export function loggedOut(realm: Realm): boolean {
  return endings.get(realm) === 'logout';
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Installed by the API client, which knows how to call `/auth/refresh`. */
export function setRefresher(fn: typeof refresher): void {
  refresher = fn;
}

/** The session with an access token good for at least a minute, refreshed if needed. */
export async function fresh(realm: Realm): Promise<Session | null> {
  const session = getSession(realm);
  if (!session || session.expiresAt - Date.now() > MARGIN_MS || !refresher) return session;
  const pending = inFlight.get(realm);
  if (pending) return pending;
  const run = (async () => {
    try {
      const tokens = await refresher!(realm, session.refreshToken);
      const next = tokens ? sessionFromTokens(tokens, { impersonated: session.impersonated }) : null;
      setSession(realm, next);
      return next;
    } finally {
      inFlight.delete(realm);
    }
  })();
  inFlight.set(realm, run);
  return run;
}

/** Milliseconds until `fresh()` would refresh; used to schedule a silent refresh. */
export function msUntilRefresh(realm: Realm): number | null {
  const session = getSession(realm);
  return session ? Math.max(0, session.expiresAt - Date.now() - MARGIN_MS) : null;
}
