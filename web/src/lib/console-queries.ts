/**
 * Queries every console screen needs: who is logged in, and their business (for its
 * locale and time zone). Shared here because features do not import each other.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';
import { formatDateTime } from './format';
import { useFormatLocale } from './i18n/hooks';

export type StaffMe = components['schemas']['StaffMe'];

export const tenantKey = ['console', 'tenant'] as const;
export const staffKey = ['console', 'staff'] as const;

export function useConsoleMe() {
  return useQuery({ queryKey: ['console', 'me'], queryFn: () => call(api.GET('/api/v1/me')) });
}

/** The team: to pick who answers for something, and to name who did what. */
export function useStaffList() {
  return useQuery({ queryKey: staffKey, queryFn: () => call(api.GET('/api/v1/staff')) });
}

export function useTenant() {
  return useQuery({
    queryKey: tenantKey,
    queryFn: () => call(api.GET('/api/v1/tenant')),
    staleTime: 5 * 60_000,
  });
}

/** Owners and admins manage settings, keys and the team; members work with clients. */
export function isAdmin(me: Pick<StaffMe, 'role'> | undefined): boolean {
  return me?.role === 'owner' || me?.role === 'admin';
}

/**
 * Formats timestamps in the reader's language (the business's region when it speaks it) and
 * the business's time zone, so everyone on the team reads the same time.
 */
export function useFormatDate(): (iso: string | null | undefined) => string {
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  const timeZone = tenant.data?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return useCallback((iso) => formatDateTime(iso, locale, timeZone), [locale, timeZone]);
}
