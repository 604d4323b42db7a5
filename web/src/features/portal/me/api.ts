import { useQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type Branding = components['schemas']['PublicBranding'];
export type PortalMe = components['schemas']['PortalMe'];
export type UpdatePortalMe = components['schemas']['UpdatePortalMe'];

export function useBranding(slug: string | null) {
  return useQuery({
    queryKey: ['branding', slug ?? '@host'],
    queryFn: () =>
      slug
        ? call(api.GET('/api/v1/portal/{slug}', { params: { path: { slug } } }))
        : call(api.GET('/api/v1/portal')),
    staleTime: 5 * 60_000,
  });
}

export function usePortalMe(slug: string) {
  return useQuery({ queryKey: ['portal', slug, 'me'], queryFn: () => call(api.GET('/api/v1/portal/me')) });
}

export function updatePortalMe(body: UpdatePortalMe) {
  return call(api.PATCH('/api/v1/portal/me', { body }));
}
