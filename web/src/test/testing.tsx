/**
 * Test helpers: the app's providers around one page, and `fetch` answered from a table.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { vi } from 'vitest';
import { ToastProvider } from '@/components/ui';

export interface Reply {
  status?: number;
  body?: unknown;
  /** Bytes sent as they are (a PDF), instead of `body` as JSON. */
  raw?: BodyInit;
  headers?: Record<string, string>;
}

/** Answers keyed by "METHOD /path" (no query string); a function sees the request. */
export type ApiStubs = Record<string, Reply | ((request: Request) => Reply | Promise<Reply>)>;

export function problem(
  status: number,
  detail: string,
  errors?: { field: string; message: string }[],
): Reply {
  return { status, body: { type: 'about:blank', title: 'Error', status, detail, errors } };
}

/** Replaces `fetch`; anything not in `stubs` answers 404 with a problem naming it. */
export function stubApi(stubs: ApiStubs) {
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const { pathname } = new URL(request.url);
    const stub = stubs[`${request.method} ${pathname}`];
    const reply =
      typeof stub === 'function' ? await stub(request) : (stub ?? problem(404, `No stub for ${pathname}`));
    const status = reply.status ?? 200;
    if (status === 204) return new Response(null, { status });
    if (reply.raw !== undefined) return new Response(reply.raw, { status, headers: reply.headers });
    return new Response(JSON.stringify(reply.body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** The requests `fetch` received, as "METHOD /path?query". */
export function requestsOf(fetch: ReturnType<typeof stubApi>): string[] {
  return fetch.mock.calls.map(([input]) => {
    const url = new URL((input as Request).url);
    return `${(input as Request).method} ${url.pathname}${url.search}`;
  });
}

// Test helpers are never hot-reloaded, so mixing a component into them costs nothing.
// eslint-disable-next-line react-refresh/only-export-components
function Address() {
  const location = useLocation();
  return <output data-testid="address">{location.pathname + location.search}</output>;
}

/** Renders `routes` at `path` inside the providers the app has (query cache, toasts, router). */
export function renderAt(path: string, routes: { path: string; element: ReactNode }[]) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            {routes.map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
          </Routes>
          <Address />
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

export const me = {
  id: 'st_1',
  name: 'Anna Weber',
  email: 'anna@studio-anna.com',
  role: 'owner',
  tenant_id: 'tn_1',
  tenant_slug: 'studio-anna',
  tenant_name: 'Studio Anna',
};

export const tenant = {
  id: 'tn_1',
  slug: 'studio-anna',
  name: 'Studio Anna',
  primary_color: '#1d4ed8',
  accent_color: '#f59e0b',
  timezone: 'Europe/Paris',
  currency: 'EUR',
  locale: 'en-GB',
  language: 'en' as const,
  remember_device: true,
  login_title: null,
  login_message: null,
  logo_url: null,
  custom_domain: null,
  mail_from: null,
  created_at: '2025-01-02T09:00:00Z',
  updated_at: '2025-01-02T09:00:00Z',
};
