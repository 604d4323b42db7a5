import { createContext, useContext } from 'react';
import { portalRealm, type Realm } from '@/api/session';
import type { components } from '@/api/schema';
import { formatDateTime, formatDay, formatParts } from './format';
import { useFormatLocale } from './i18n/hooks';
import { formatMoney } from './money';

type Branding = components['schemas']['PublicBranding'];

export interface PortalInfo {
  slug: string;
  /** `/portal/{slug}`, or `` on the tenant's own domain. */
  base: string;
  realm: Realm;
  branding: Branding;
}

export const PortalContext = createContext<PortalInfo | null>(null);

export function usePortal(): PortalInfo {
  const portal = useContext(PortalContext);
  if (!portal) throw new Error('usePortal outside a portal');
  return portal;
}

export function portalInfo(branding: Branding, base: string): PortalInfo {
  return { slug: branding.slug, base, realm: portalRealm(branding.slug), branding };
}

/** Dates and money in the reader's language (the tenant's region when it shares it), on the tenant's clock. */
export function usePortalFormat() {
  const { branding } = usePortal();
  const { timezone } = branding;
  const locale = useFormatLocale(branding.locale);
  return {
    timezone,
    locale,
    dateTime: (iso: string | null | undefined) => formatDateTime(iso, locale, timezone),
    parts: (iso: string) => formatParts(iso, locale, timezone),
    day: (day: string | null | undefined) => formatDay(day, locale),
    money: (minor: number, currency: string) => formatMoney(minor, currency, locale),
  };
}
