import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type Client = components['schemas']['Client'];
export type ClientStatus = components['schemas']['ClientStatus'];
export type CreateClient = components['schemas']['CreateClient'];
export type UpdateClient = components['schemas']['UpdateClient'];
export type Activity = components['schemas']['Activity'];
export type ClientOverview = components['schemas']['ClientOverview'];

// Every key starts with 'console' so logging out of the console forgets them all.
export const clientKeys = {
  lists: ['console', 'clients', 'list'] as const,
  list: (q: string, status: string) => ['console', 'clients', 'list', { q, status }] as const,
  detail: (id: string) => ['console', 'clients', 'detail', id] as const,
  activity: (id: string) => ['console', 'clients', 'activity', id] as const,
  overview: (id: string) => ['console', 'clients', 'overview', id] as const,
};

export function useClients(q: string, status: string) {
  return useInfiniteQuery({
    queryKey: clientKeys.list(q, status),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/clients', {
          params: { query: { q: q || undefined, status: status || undefined, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // Keeps the previous results on screen while a new search loads, so the table does not flash.
    placeholderData: keepPreviousData,
  });
}

export function useClient(id: string) {
  return useQuery({
    queryKey: clientKeys.detail(id),
    queryFn: () => call(api.GET('/api/v1/clients/{id}', { params: { path: { id } } })),
  });
}

/** Everything with the client (appointments, orders, projects, billing, files, threads): the newest 25 of each. */
export function useClientOverview(id: string) {
  return useQuery({
    queryKey: clientKeys.overview(id),
    queryFn: () => call(api.GET('/api/v1/clients/{id}/overview', { params: { path: { id } } })),
  });
}

export function useClientActivity(id: string) {
  return useInfiniteQuery({
    queryKey: clientKeys.activity(id),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/clients/{id}/activity', { params: { path: { id }, query: { cursor: pageParam } } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** Puts a client the server just returned into the cache, and marks what it affects as stale. */
export function useClientSaved() {
  const queryClient = useQueryClient();
  return (client: Client) => {
    queryClient.setQueryData(clientKeys.detail(client.id), client);
    void queryClient.invalidateQueries({ queryKey: clientKeys.lists });
    void queryClient.invalidateQueries({ queryKey: clientKeys.activity(client.id) });
  };
}

export function createClient(body: CreateClient) {
  return call(api.POST('/api/v1/clients', { body }));
}

export function updateClient(id: string, body: UpdateClient) {
  return call(api.PATCH('/api/v1/clients/{id}', { params: { path: { id } }, body }));
}

export function inviteClient(id: string) {
  return call(api.POST('/api/v1/clients/{id}/invite', { params: { path: { id } } }));
}

export function impersonateClient(id: string) {
  return call(api.POST('/api/v1/clients/{id}/impersonate', { params: { path: { id } } }));
}

export type SendEmail = components['schemas']['SendEmail'];

/**
 * Emails the client what staff wrote (202: queued). `key` makes a retry of the same email
 * (after an answer that never arrived) safe: the server sends it once.
 */
export function emailClient(id: string, body: SendEmail, key: string) {
  return call(
    api.POST('/api/v1/clients/{id}/emails', {
      params: { path: { id }, header: { 'Idempotency-Key': key } },
      body,
    }),
  );
}

export function archiveClient(id: string) {
  return call(api.POST('/api/v1/clients/{id}/archive', { params: { path: { id } } }));
}

export function restoreClient(id: string) {
  return call(api.POST('/api/v1/clients/{id}/restore', { params: { path: { id } } }));
}

export { useConsoleMe, useStaffList, useTenant } from '@/lib/console-queries';
