import { useQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { PickedClient } from './ClientPicker';

/**
 * The client a "new …" page was opened for (`?client_id=` from the client's page), to start
 * its form with them chosen. `pending` while they load; `client` stays `null` when there is
 * no id or it names no client of the business (the form then asks for one as usual).
 */
export function usePresetClient(id: string | null | undefined): {
  pending: boolean;
  client: PickedClient | null;
} {
  const query = useQuery({
    // The same key (and answer) as the client's own page, so coming from it costs nothing.
    queryKey: ['console', 'clients', 'detail', id ?? ''] as const,
    queryFn: () => call(api.GET('/api/v1/clients/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
  return {
    pending: !!id && query.isPending,
    client: id && query.data ? { id: query.data.id, name: query.data.name } : null,
  };
}
