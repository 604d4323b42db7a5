import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type WebhookEndpoint = components['schemas']['WebhookEndpoint'];
export type WebhookEndpointWithSecret = components['schemas']['WebhookEndpointWithSecret'];
export type WebhookDelivery = components['schemas']['WebhookDelivery'];
export type EventType = components['schemas']['EventType'];
/** A name the server accepts in a subscription: one of the catalogue's (`EventType.name`). */
export type EventName = components['schemas']['EventName'];
export type EndpointStatus = components['schemas']['EndpointStatus'];
export type EndpointDraft = components['schemas']['CreateWebhookEndpoint'];
export type EndpointChanges = components['schemas']['UpdateWebhookEndpoint'];

export const webhooksKey = ['console', 'webhooks'] as const;
const endpointsKey = [...webhooksKey, 'endpoints'] as const;
export const endpointKey = (id: string) => [...endpointsKey, id] as const;
export const deliveriesKey = (id: string) => [...webhooksKey, 'deliveries', id] as const;

export function useEventTypes() {
  return useQuery({
    queryKey: [...webhooksKey, 'event-types'],
    queryFn: () => call(api.GET('/api/v1/webhooks/event-types')),
    staleTime: Infinity,
  });
}

export function useEndpoints() {
  return useQuery({ queryKey: endpointsKey, queryFn: () => call(api.GET('/api/v1/webhooks/endpoints')) });
}

/** One endpoint; refreshed like its log, so its status follows the deliveries. */
export function useEndpoint(id: string) {
  return useQuery({
    queryKey: endpointKey(id),
    queryFn: () => call(api.GET('/api/v1/webhooks/endpoints/{id}', { params: { path: { id } } })),
    refetchInterval: 5000,
  });
}

/** The delivery log, newest first; refreshed every few seconds, since attempts happen in the background. */
export function useDeliveries(id: string) {
  return useInfiniteQuery({
    queryKey: deliveriesKey(id),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/webhooks/endpoints/{id}/deliveries', {
          params: { path: { id }, query: { cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    refetchInterval: 5000,
  });
}

export function createEndpoint(body: EndpointDraft) {
  return call(api.POST('/api/v1/webhooks/endpoints', { body }));
}

export function updateEndpoint(id: string, body: EndpointChanges) {
  return call(api.PATCH('/api/v1/webhooks/endpoints/{id}', { params: { path: { id } }, body }));
}

export function deleteEndpoint(id: string) {
  return call(api.DELETE('/api/v1/webhooks/endpoints/{id}', { params: { path: { id } } }));
}

export function rotateSecret(id: string) {
  return call(api.POST('/api/v1/webhooks/endpoints/{id}/rotate-secret', { params: { path: { id } } }));
}

export function sendTest(id: string) {
  return call(api.POST('/api/v1/webhooks/endpoints/{id}/test', { params: { path: { id } } }));
}

export function resendDelivery(id: string, deliveryId: string) {
  return call(
    api.POST('/api/v1/webhooks/endpoints/{id}/deliveries/{delivery_id}/resend', {
      params: { path: { id, delivery_id: deliveryId } },
    }),
  );
}

export { useConsoleMe } from '@/lib/console-queries';
