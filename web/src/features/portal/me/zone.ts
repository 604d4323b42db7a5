import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { browserZone, markZoneNoted, zoneNoted } from '@/lib/portal-zone';
import { updatePortalMe, type PortalMe } from './api';

export { markZoneNoted, useClientZone } from '@/lib/portal-zone';

/**
 * A client without a time zone yet gets their browser's, noted on their profile once, so
 * emails and reminders tell times on their clock too. Staff viewing as the client change nothing.
 * (A client who chose "the business's zone" has none either: this device remembers not to
 * note it again.)
 */
export function useClientZoneNoted(slug: string, me: PortalMe | undefined) {
  const queryClient = useQueryClient();
  const zone = me?.time_zone;
  const readOnly = me?.impersonated ?? true;
  const id = me?.id;
  useEffect(() => {
    if (!id || zone || readOnly || zoneNoted(id)) return;
    markZoneNoted(id);
    updatePortalMe({ time_zone: browserZone() })
      .then((updated) => queryClient.setQueryData(['portal', slug, 'me'], updated))
      .catch(() => undefined);
  }, [id, zone, readOnly, slug, queryClient]);
}
