import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components, paths } from '@/api/schema';
import type { JsonBody } from '@/lib/json-body';

export type ServiceOrder = components['schemas']['ServiceOrder'];
export type OrderStatus = ServiceOrder['status'];
export type OrderLine = ServiceOrder['lines'][number];

export type CreateServiceOrder = JsonBody<paths['/api/v1/service-orders']['post']>;
export type UpdateServiceOrder = JsonBody<paths['/api/v1/service-orders/{id}']['patch']>;
export type ChangeOrderStatus = JsonBody<paths['/api/v1/service-orders/{id}/status']['post']>;
export type LineInput = NonNullable<CreateServiceOrder['lines']>[number];

// Every key starts with 'console' so logging out of the console forgets them all.
export const orderKeys = {
  lists: ['console', 'service-orders', 'list'] as const,
  list: (q: string, status: string, client = '') =>
    ['console', 'service-orders', 'list', { q, status, client }] as const,
  detail: (id: string) => ['console', 'service-orders', 'detail', id] as const,
};

/** The orders list, searched, filtered by status and, with `clientId`, only that client's. */
export function useOrders(q: string, status: string, clientId = '') {
  return useInfiniteQuery({
    queryKey: orderKeys.list(q, status, clientId),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/service-orders', {
          params: {
            query: {
              q: q || undefined,
              status: (status || undefined) as OrderStatus | undefined,
              client_id: clientId || undefined,
              cursor: pageParam,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: string) {
  return useQuery({
    queryKey: orderKeys.detail(id),
    queryFn: () => call(api.GET('/api/v1/service-orders/{id}', { params: { path: { id } } })),
  });
}

/** Puts an order the server just returned into the cache, and marks the lists stale. */
export function useOrderSaved() {
  const queryClient = useQueryClient();
  return (order: ServiceOrder) => {
    queryClient.setQueryData(orderKeys.detail(order.id), order);
    void queryClient.invalidateQueries({ queryKey: orderKeys.lists });
  };
}

export function createOrder(body: CreateServiceOrder) {
  return call(api.POST('/api/v1/service-orders', { body }));
}

export function updateOrder(id: string, body: UpdateServiceOrder) {
  return call(api.PATCH('/api/v1/service-orders/{id}', { params: { path: { id } }, body }));
}

export function changeOrderStatus(id: string, body: ChangeOrderStatus) {
  return call(api.POST('/api/v1/service-orders/{id}/status', { params: { path: { id } }, body }));
}

/** Clients whose name, email or company contains `q`, for picking one. */

export { useConsoleMe, useTenant } from '@/lib/console-queries';
