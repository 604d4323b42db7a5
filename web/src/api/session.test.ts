import { api, call, refreshTokens, setActiveRealm } from './client';
import { ApiProblem } from './problem';
import {
  fresh,
  getSession,
  loggedOut,
  portalRealm,
  restore,
  restoring,
  setRefresher,
  setSession,
  type Session,
} from './session';

const realm = portalRealm('demo');
/** A view-as session, which carries its own refresh token. */
const soon = (ms: number): Session => ({
  accessToken: 'old',
  refreshToken: 'r1',
  sessionId: 's',
  expiresAt: Date.now() + ms,
});
/** A browser login: its refresh token is in the HttpOnly cookie, out of the page's reach. */
const cookieSession = (ms: number): Session => ({
  accessToken: 'old',
  sessionId: 's',
  expiresAt: Date.now() + ms,
});
const tokens = (access: string) => ({
  access_token: access,
  expires_in: 900,
  session_id: 's',
  token_type: 'Bearer',
  persistent: false,
});
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

afterEach(() => {
  setSession(realm, null);
  setActiveRealm(null);
  vi.unstubAllGlobals();
});

describe('sessions', () => {
  it('keep a view-as session for the tab, and a browser login nowhere a script could read later', () => {
    setSession(realm, soon(600_000));
    expect(JSON.parse(sessionStorage.getItem('portico.session.portal:demo')!).accessToken).toBe('old');
    setSession(realm, cookieSession(600_000));
    expect(sessionStorage.getItem('portico.session.portal:demo')).toBeNull();
    expect(JSON.stringify(localStorage)).not.toContain('old');
  });

  it('come back from the cookie once per tab, and not at all after a logout', async () => {
    const refresher = vi.fn(async () => tokens('restored'));
    setRefresher(refresher);
    const other = portalRealm('restore-test');
    expect(restoring(other)).toBe(true);
    const [a, b] = await Promise.all([restore(other), restore(other)]);
    expect(refresher).toHaveBeenCalledTimes(1);
    expect(refresher).toHaveBeenCalledWith(other);
    expect([a?.accessToken, b?.accessToken]).toEqual(['restored', 'restored']);
    expect(restoring(other)).toBe(false);
    setSession(other, null, 'logout');
    expect(await restore(other)).toBeNull();
    expect(refresher).toHaveBeenCalledTimes(1);
  });

  it('end in this tab when another tab logs out', async () => {
    setSession(realm, cookieSession(600_000));
    const otherTab = new BroadcastChannel('portico.session');
    otherTab.postMessage({ realm, kind: 'logout' });
    await vi.waitFor(() => expect(getSession(realm)).toBeNull());
    expect(loggedOut(realm)).toBe(true);
    otherTab.close();
  });

  it('follow another tab that logged in or switched account', async () => {
    const refresher = vi.fn(async () => tokens('theirs'));
    setRefresher(refresher);
    setSession(realm, cookieSession(600_000));
    const otherTab = new BroadcastChannel('portico.session');
    otherTab.postMessage({ realm, kind: 'login' });
    await vi.waitFor(() => expect(getSession(realm)?.accessToken).toBe('theirs'));
    expect(refresher).toHaveBeenCalledWith(realm);
    otherTab.close();
  });

  it('refresh once, shortly before expiry, however many calls ask at the same time', async () => {
    const refresher = vi.fn(async () => ({ ...tokens('new'), refresh_token: 'r2' }));
    setRefresher(refresher);
    setSession(realm, soon(30_000));
    const [a, b, c] = await Promise.all([fresh(realm), fresh(realm), fresh(realm)]);
    expect(refresher).toHaveBeenCalledTimes(1);
    expect(refresher).toHaveBeenCalledWith(realm, 'r1');
    expect([a?.accessToken, b?.accessToken, c?.accessToken]).toEqual(['new', 'new', 'new']);
    expect(getSession(realm)?.refreshToken).toBe('r2');
  });

  it('leave a token with time to spare alone', async () => {
    const refresher = vi.fn();
    setRefresher(refresher);
    setSession(realm, soon(600_000));
    expect((await fresh(realm))?.accessToken).toBe('old');
    expect(refresher).not.toHaveBeenCalled();
  });

  it('end when the refresh is refused, as an expiry rather than a logout', async () => {
    setRefresher(async () => null);
    setSession(realm, soon(1_000));
    expect(await fresh(realm)).toBeNull();
    expect(getSession(realm)).toBeNull();
    expect(loggedOut(realm)).toBe(false);
  });
});

describe('the API client', () => {
  it('refreshes a browser session by its cookie, with the header other sites cannot send', async () => {
    const fetch = vi.fn(async (req: Request) => {
      expect(new URL(req.url).pathname).toBe('/api/v1/portal/demo/auth/refresh');
      expect(req.headers.get('X-Portico-CSRF')).toBe('1');
      expect(await req.json()).toEqual({});
      return json(200, tokens('fresh'));
    });
    vi.stubGlobal('fetch', fetch);
    expect((await refreshTokens(realm))?.access_token).toBe('fresh');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('refreshes a view-as session by its own token at the console path', async () => {
    const fetch = vi.fn(async (req: Request) => {
      expect(new URL(req.url).pathname).toBe('/api/v1/auth/refresh');
      expect(await req.json()).toEqual({ refresh_token: 'r1' });
      return json(200, { ...tokens('fresh'), refresh_token: 'r2' });
    });
    vi.stubGlobal('fetch', fetch);
    expect((await refreshTokens(realm, 'r1'))?.refresh_token).toBe('r2');
  });

  it('sends the active session and ends it when the server says 401', async () => {
    const fetch = vi.fn(async (req: Request) => {
      expect(req.headers.get('Authorization')).toBe('Bearer old');
      return json(401, {
        type: 'x',
        title: 'Unauthorized',
        status: 401,
        detail: 'This session has ended; log in again.',
      });
    });
    vi.stubGlobal('fetch', fetch);
    setSession(realm, soon(600_000));
    setActiveRealm(realm);
    await expect(call(api.GET('/api/v1/portal/me'))).rejects.toThrow('This session has ended; log in again.');
    expect(getSession(realm)).toBeNull();
  });

  it('keeps the session when a login step answers 401 (a wrong code says nothing about it)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (req: Request) => {
        expect(req.headers.get('Authorization')).toBeNull();
        return json(401, { type: 'x', title: 'Unauthorized', status: 401, detail: 'This code is wrong.' });
      }),
    );
    setSession(realm, soon(600_000));
    setActiveRealm(realm);
    const attempt = call(
      api.POST('/api/v1/portal/{slug}/auth/otp/verify', {
        params: { path: { slug: 'demo' } },
        body: { email: 'a@b.co', code: '000000' },
      }),
    );
    await expect(attempt).rejects.toBeInstanceOf(ApiProblem);
    expect(getSession(realm)).not.toBeNull();
  });

  it('reads Retry-After into the problem', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ type: 'x', title: 'Too many', status: 429, detail: 'Slow down.' }), {
            status: 429,
            headers: { 'Retry-After': '42' },
          }),
      ),
    );
    const error = await call(api.POST('/api/v1/auth/otp', { body: { email: 'a@b.co' } })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).retryAfter).toBe(42);
  });

  it('turns a network failure into words', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(
      call(api.GET('/api/v1/portal/{slug}', { params: { path: { slug: 'demo' } } })),
    ).rejects.toThrow(/could not reach the server/);
  });
});
