/**
 * The one typed API client. Paths, parameters and bodies are checked against
 * `schema.d.ts`, which is generated from the committed OpenAPI document.
 *
 * Which session authenticates a request depends on the screen: the console's or one
 * portal's. Screens declare it with `useRealm`; the middleware attaches that session's
 * token, refreshing it first when it is about to expire, and ends the session on a 401.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { currentLanguage } from '@/lib/i18n';
import { ApiProblem, offline, problemFrom } from './problem';
import type { paths } from './schema';
import { fresh, getSession, setRefresher, setSession, type Realm, type Tokens } from './session';

let activeRealm: Realm | null = null;

/** Sets which session authenticates requests from now on. */
export function setActiveRealm(realm: Realm | null): void {
  activeRealm = realm;
}

function baseUrl(): string {
  // Absolute, because openapi-fetch builds `Request`s, which need one outside the browser too.
  // The spec's paths already start with /api/v1.
  return window.location.origin;
}

export const api = createClient<paths>({ baseUrl: baseUrl(), fetch: (request) => globalThis.fetch(request) });

// Login steps carry their own credential (a code, a link, a refresh token), and their 401s
// (a wrong code) say nothing about the session, so they must neither send nor end it.
const PUBLIC = /\/auth\/(otp|otp\/verify|magic-link|select|refresh|passkey|passkey\/options)$/;

const auth: Middleware = {
  async onRequest({ request }) {
    if (!activeRealm || PUBLIC.test(new URL(request.url).pathname)) return undefined;
    const session = await fresh(activeRealm);
    if (session) request.headers.set('Authorization', `Bearer ${session.accessToken}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && activeRealm && request.headers.has('Authorization')) {
      setSession(activeRealm, null);
    }
    return undefined;
  },
};
api.use(auth);

// What the server writes for people (a dashboard's timeline, an appointment's history) comes
// in the language the app shows, whatever the browser's own preference.
api.use({
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage());
    return request;
  },
});

// The custom header proves the call comes from this app: another site can make the browser
// send the cookie, but not this header.
const CSRF = { 'X-Portico-CSRF': '1' };

/** New tokens for a realm: by the refresh token when the session holds one, else by its cookie. */
export async function refreshTokens(realm: Realm, refreshToken?: string): Promise<Tokens | null> {
  try {
    if (refreshToken) {
      const { data } = await api.POST('/api/v1/auth/refresh', { body: { refresh_token: refreshToken } });
      return data ?? null;
    }
    // The cookie is sent only to its realm's own auth path.
    const { data } =
      realm === 'console'
        ? await api.POST('/api/v1/auth/refresh', { params: { header: CSRF }, body: {} })
        : await api.POST('/api/v1/portal/{slug}/auth/refresh', {
            params: { path: { slug: realm.slice('portal:'.length) }, header: CSRF },
            body: {},
          });
    return data ?? null;
  } catch {
    return null;
  }
}

setRefresher(refreshTokens);

/** Awaits an openapi-fetch call and returns its data, or throws an `ApiProblem`. */
export async function call<T>(
  promise: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await promise;
  } catch {
    throw offline();
  }
  if (!result.response.ok) throw problemFrom(result.response, result.error);
  return result.data as T;
}

export { ApiProblem, getSession };
