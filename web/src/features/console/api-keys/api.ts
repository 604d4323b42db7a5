import { useInfiniteQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type ApiKey = components['schemas']['ApiKey'];
export type CreatedApiKey = components['schemas']['CreatedApiKey'];
export type Scope = components['schemas']['Scope'];

export const apiKeysKey = ['console', 'api-keys'] as const;

export function useApiKeys() {
  return useInfiniteQuery({
    queryKey: apiKeysKey,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/api-keys', { params: { query: { cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function createApiKey(name: string, scopes: Scope[]) {
  return call(api.POST('/api/v1/api-keys', { body: { name, scopes } }));
}

export function revokeApiKey(id: string) {
  return call(api.POST('/api/v1/api-keys/{id}/revoke', { params: { path: { id } } }));
}

export { useConsoleMe, useTenant } from '@/lib/console-queries';
