import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type PortalServiceOrder = components['schemas']['PortalServiceOrder'];

const keys = {
  orders: (slug: string) => ['portal', slug, 'orders'] as const,
};

export function usePortalOrders(slug: string, state: 'open' | 'completed') {
  return useInfiniteQuery({
    queryKey: [...keys.orders(slug), state],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/portal/service-orders', { params: { query: { state, cursor: pageParam } } })),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export function usePortalOrder(slug: string, id: string) {
  return useQuery({
    queryKey: [...keys.orders(slug), 'one', id],
    queryFn: () => call(api.GET('/api/v1/portal/service-orders/{id}', { params: { path: { id } } })),
  });
}
