import { useQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import { usePortal } from './portal';
import { useSession } from './session-hooks';

/**
 * True when staff view the portal as this client ("View as client"): they may look, but
 * change nothing, so pages hide every action. The API refuses them anyway (403); hiding the
 * buttons keeps them from trying. Reads the same cache entry as the portal shell.
 */
export function useReadOnly(): boolean {
  const { slug, realm } = usePortal();
  const me = useQuery({
    queryKey: ['portal', slug, 'me'],
    queryFn: () => call(api.GET('/api/v1/portal/me')),
  });
  const session = useSession(realm);
  return me.data?.impersonated ?? session?.impersonated ?? false;
}
