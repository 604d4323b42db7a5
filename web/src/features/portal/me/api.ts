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

export type CalendarFeed = components['schemas']['CalendarFeed'];

export function useCalendarFeed(slug: string) {
  return useQuery({
    queryKey: ['portal', slug, 'calendar-feed'],
    queryFn: () => call(api.GET('/api/v1/portal/me/calendar-feed')),
  });
}

/** A new private subscription URL (shown in this answer only); the old one stops working. */
export const makeCalendarFeed = () => call(api.POST('/api/v1/portal/me/calendar-feed'));

export const stopCalendarFeed = () => call(api.DELETE('/api/v1/portal/me/calendar-feed'));

/** `https://…` as a `webcal://` link, which calendar apps open as a subscription. */
export function webcal(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}
