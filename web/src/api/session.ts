/**
 * Login sessions, one per realm: the console, and each portal slug.
 *
 * A browser login keeps its refresh token in an HttpOnly cookie the server sets (script never
 * sees it) and its access token here, in memory only. So one login serves every tab: a tab
 * without a session in memory `restore()`s one from the cookie, and tabs tell each other
 * over a BroadcastChannel when someone logs in, switches account or logs out. Closing the
 * browser ends the session unless "keep me signed in" made the cookie last.
 *
 * A staff member's "view as client" session has no cookie: its refresh token arrives in the
 * URL fragment and is kept for that tab only (sessionStorage).
 *
 * Access tokens are short-lived; `fresh()` refreshes them shortly before they expire, one
 * refresh at a time across all tabs (refresh tokens are single use: two racing refreshes
 * would look like token theft to the server and end the session).
 */
import type { components } from './schema';

export type Tokens = components['schemas']['Tokens'];
export type Realm = 'console' | `portal:${string}`;

export interface Session {
  accessToken: string;
  /** Only for a view-as session; a browser login's lives in its HttpOnly cookie. */
  refreshToken?: string;
  sessionId: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** A staff member viewing the portal as this client (read-only). */
  impersonated?: boolean;
  /** "Keep me signed in on this device". */
  persistent?: boolean;
}

type Listener = () => void;
/** Trades a refresh token (or, without one, the realm's cookie) for new tokens. */
type Refresher = (realm: Realm, refreshToken?: string) => Promise<Tokens | null>;

const STORAGE_PREFIX = 'portico.session.';
/** Refresh this long before the access token would expire. */
const MARGIN_MS = 60_000;

const memory = new Map<Realm, Session | null>();
/** Why a realm's session last ended: a logout returns to a plain login page, anything else keeps the way back. */
const endings = new Map<Realm, 'logout' | 'expired'>();
const listeners = new Set<Listener>();
const inFlight = new Map<Realm, Promise<Session | null>>();
/** Realms whose cookie this tab already tried. */
const tried = new Set<Realm>();
let refresher: Refresher | null = null;

type Message = { realm: Realm; kind: 'login' | 'logout' };
const channel: BroadcastChannel | null =
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('portico.session');

export function portalRealm(slug: string): Realm {
  return `portal:${slug}`;
}

export function sessionFromTokens(tokens: Tokens, extra: Partial<Session> = {}): Session {
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? undefined,
    sessionId: tokens.session_id,
    expiresAt: Date.now() + tokens.expires_in * 1000,
    persistent: tokens.persistent,
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

function notify() {
  listeners.forEach((l) => l());
}

function keep(realm: Realm, session: Session | null, ending: 'logout' | 'expired') {
  memory.set(realm, session);
  if (session) endings.delete(realm);
  else endings.set(realm, ending);
  try {
    // Only a session that carries its own refresh token (view as client) outlives a reload
    // this way; a browser login comes back from its cookie.
    if (session?.refreshToken) sessionStorage.setItem(STORAGE_PREFIX + realm, JSON.stringify(session));
    else sessionStorage.removeItem(STORAGE_PREFIX + realm);
  } catch {
    // Private browsing may refuse storage; the session then lives in memory only.
  }
  notify();
}

export function setSession(
  realm: Realm,
  session: Session | null,
  ending: 'logout' | 'expired' = 'expired',
): void {
  keep(realm, session, ending);
  // Other tabs follow a login, a switch of account or a logout at once.
  if (session && !session.refreshToken) channel?.postMessage({ realm, kind: 'login' } satisfies Message);
  if (!session && ending === 'logout') channel?.postMessage({ realm, kind: 'logout' } satisfies Message);
}

channel?.addEventListener('message', (event: MessageEvent<Message>) => {
  const { realm, kind } = event.data ?? {};
  if (!realm) return;
  const mine = getSession(realm);
  if (mine?.refreshToken) return; // A view-as tab keeps its own session.
  if (kind === 'logout') {
    keep(realm, null, 'logout');
  } else if (kind === 'login') {
    // The cookie now names another session (a new login, another account): follow it.
    void restore(realm, true);
  }
});

export function loggedOut(realm: Realm): boolean {
  return endings.get(realm) === 'logout';
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Installed by the API client, which knows how to call the refresh endpoints. */
export function setRefresher(fn: Refresher | null): void {
  refresher = fn;
}

/** Runs `fn` while no other tab refreshes this realm (where the browser has Web Locks). */
async function exclusive<T>(realm: Realm, fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return fn();
  return locks.request(`portico.refresh.${realm}`, fn);
}

function once(realm: Realm, run: () => Promise<Session | null>): Promise<Session | null> {
  const pending = inFlight.get(realm);
  if (pending) return pending;
  const promise = (async () => {
    try {
      return await run();
    } finally {
      inFlight.delete(realm);
    }
  })();
  inFlight.set(realm, promise);
  return promise;
}

/** The session with an access token good for at least a minute, refreshed if needed. */
export async function fresh(realm: Realm): Promise<Session | null> {
  const session = getSession(realm);
  if (!session || session.expiresAt - Date.now() > MARGIN_MS || !refresher) return session;
  return once(realm, () =>
    exclusive(realm, async () => {
      const tokens = await refresher!(realm, session.refreshToken);
      const next = tokens
        ? sessionFromTokens(tokens, { impersonated: session.impersonated, persistent: session.persistent })
        : null;
      keep(realm, next, 'expired');
      return next;
    }),
  );
}

/**
 * A session from the browser's cookie, for a tab that has none in memory: a new tab, a
 * reload, a link from an email. Tried once per tab unless `force`d (another tab logged in).
 */
export function restore(realm: Realm, force = false): Promise<Session | null> {
  const current = getSession(realm);
  if (current && !force) return Promise.resolve(current);
  if ((tried.has(realm) && !force) || !refresher) return Promise.resolve(current);
  return once(realm, () =>
    exclusive(realm, async () => {
      let next: Session | null = null;
      try {
        const tokens = await refresher!(realm);
        next = tokens ? sessionFromTokens(tokens) : null;
      } finally {
        tried.add(realm);
      }
      if (next || current) keep(realm, next, 'expired');
      else notify();
      return next;
    }),
  );
}

/** Whether this tab still has to ask the cookie before it knows there is no session. */
export function restoring(realm: Realm): boolean {
  return !getSession(realm) && !tried.has(realm) && refresher !== null && !loggedOut(realm);
}

/** Milliseconds until `fresh()` would refresh; used to schedule a silent refresh. */
export function msUntilRefresh(realm: Realm): number | null {
  const session = getSession(realm);
  return session ? Math.max(0, session.expiresAt - Date.now() - MARGIN_MS) : null;
}
