import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach } from 'vitest';
import { browserZone } from '@/lib/portal-zone';
import { stubApi } from '@/test/testing';
import type { PortalMe } from './api';
import { useClientZoneNoted } from './zone';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

const me = {
  id: 'cl_1',
  name: 'Maria Lopez',
  email: 'maria@example.com',
  email_opt_out: false,
  impersonated: false,
  tenant_name: 'Lumen Design Studio',
  tenant_slug: 'demo',
  tenant_language: 'en',
  tenant_time_zone: 'Europe/Berlin',
  time_zone: null,
} as PortalMe;

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;
}

it('notes the browser’s zone once for a client who has none', async () => {
  const sent: unknown[] = [];
  stubApi({
    'PATCH /api/v1/portal/me': async (request) => {
      sent.push(await request.json());
      return { body: { ...me, time_zone: browserZone() } };
    },
  });
  const { rerender } = renderHook(({ who }) => useClientZoneNoted('demo', who), {
    wrapper,
    initialProps: { who: me },
  });
  await waitFor(() => expect(sent).toEqual([{ time_zone: browserZone() }]));
  rerender({ who: { ...me } });
  expect(sent).toHaveLength(1);
});

it('changes nothing for staff viewing as the client, nor for a client with a zone', () => {
  const fetch = stubApi({});
  renderHook(() => useClientZoneNoted('demo', { ...me, impersonated: true }), { wrapper });
  renderHook(() => useClientZoneNoted('demo', { ...me, id: 'cl_2', time_zone: 'Europe/Madrid' }), {
    wrapper,
  });
  expect(fetch).not.toHaveBeenCalled();
});
