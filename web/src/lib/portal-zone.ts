import { useQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import { usePortal } from './portal';

/** The zone this browser's clock runs in (`UTC` when it cannot say). */
export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every IANA time zone this browser knows, for a picker. */
export function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [browserZone()];
  }
}

const NOTED_KEY = 'portico.zoneNoted';

/**
 * Whether this device already noted the client's zone on their profile, or saw them choose the
 * business's (which the profile stores as none, like a zone never noted).
 */
export function zoneNoted(clientId: string): boolean {
  try {
    return localStorage.getItem(`${NOTED_KEY}.${clientId}`) === '1';
  } catch {
    return false;
  }
}

export function markZoneNoted(clientId: string) {
  try {
    localStorage.setItem(`${NOTED_KEY}.${clientId}`, '1');
  } catch {
    // No storage: at worst the browser's zone is noted once more.
  }
}

/**
 * The zone a logged-in client reads times in: the one on their profile, else their browser's
 * (or the business's, when they chose it on this device).
 * `businessZone` is the business's own; `differs` says whether a page should name both.
 * `ready` is false while the profile (which holds the zone) is still loading; a profile that
 * fails to load does not hold a page back. (It shares the portal's `me` query, so it costs
 * no extra request.)
 */
export function useClientZone(): { zone: string; businessZone: string; differs: boolean; ready: boolean } {
  const { slug, branding } = usePortal();
  const me = useQuery({
    queryKey: ['portal', slug, 'me'],
    queryFn: () => call(api.GET('/api/v1/portal/me')),
  });
  const businessZone = me.data?.tenant_time_zone ?? branding.timezone;
  const chosen = me.data?.time_zone;
  const zone =
    chosen ?? (me.data && zoneNoted(me.data.id) && !me.data.impersonated ? businessZone : browserZone());
  const ready = !me.isPending || me.failureCount > 0;
  return { zone, businessZone, differs: zone !== businessZone, ready };
}
