import { useCallback } from 'react';
import { PasskeysCard } from '@/components/passkeys/PasskeysCard';
import { formatDateTime } from '@/lib/format';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { useClientZone } from '@/lib/portal-zone';

/** The client's passkeys, dated on the client's own clock like the rest of the portal. */
export function Passkeys() {
  const { slug } = usePortal();
  const { locale } = usePortalFormat();
  const { zone } = useClientZone();
  const formatDate = useCallback(
    (iso: string | null | undefined) => formatDateTime(iso, locale, zone),
    [locale, zone],
  );
  return <PasskeysCard queryKey={['portal', slug, 'passkeys']} formatDate={formatDate} />;
}
