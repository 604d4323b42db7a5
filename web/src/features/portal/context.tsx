import { createContext, useContext } from 'react';
import { portalRealm, type Realm } from '@/api/session';
import type { Branding } from './api';

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
