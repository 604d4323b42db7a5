import { usePortal } from '@/lib/portal';
import { useSession } from '@/lib/session-hooks';
import { usePortalClient } from './api';

/** True when staff view the portal as this client: they may look, but change nothing. */
export function useReadOnly(): boolean {
  const { slug, realm } = usePortal();
  const me = usePortalClient(slug);
  const session = useSession(realm);
  return me.data?.impersonated ?? session?.impersonated ?? false;
}
