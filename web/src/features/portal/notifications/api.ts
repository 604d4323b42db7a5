import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type Notification = components['schemas']['Notification'];
export type NotificationTarget = components['schemas']['NotificationTarget'];

// Under the portal's key, so logging out of the portal forgets them.
export const notificationKeys = {
  all: (slug: string) => ['portal', slug, 'notifications'] as const,
  count: (slug: string) => ['portal', slug, 'notifications', 'count'] as const,
  list: (slug: string) => ['portal', slug, 'notifications', 'list'] as const,
  latest: (slug: string) => ['portal', slug, 'notifications', 'latest'] as const,
};

/** How many the bell's dropdown shows; the rest are on the notifications page. */
export const LATEST = 5;

/** How often the bell asks for news while the page is open. */
const POLL_MS = 60_000;

export function useUnreadCount(slug: string) {
  return useQuery({
    queryKey: notificationKeys.count(slug),
    queryFn: () => call(api.GET('/api/v1/portal/notifications/unread-count')),
    refetchInterval: POLL_MS,
  });
}

export function useNotifications(slug: string) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(slug),
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/portal/notifications', { params: { query: { cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** The newest few, for the bell's dropdown: read only while it is open. */
export function useLatestNotifications(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.latest(slug),
    queryFn: () => call(api.GET('/api/v1/portal/notifications', { params: { query: { limit: LATEST } } })),
    enabled,
  });
}

/** After a change: the bell and the list read again. */
export function useNotificationsChanged(slug: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all(slug) });
}

export function markRead(id: string) {
  return call(api.POST('/api/v1/portal/notifications/{id}/read', { params: { path: { id } } }));
}

export function markAllRead() {
  return call(api.POST('/api/v1/portal/notifications/read-all'));
}

/** Where a notification leads, under the portal's base path. */
export function targetPath(base: string, target: NotificationTarget): string {
  const project = target.project_id ?? target.id;
  switch (target.kind) {
    case 'quote':
      return `${base}/quotes/${target.id}`;
    case 'contract':
      return `${base}/contracts/${target.id}`;
    case 'invoice':
      return `${base}/invoices/${target.id}`;
    case 'project':
      return `${base}/projects/${target.id}`;
    case 'deliverable':
      return `${base}/projects/${project}/deliverables`;
    case 'thread':
      return `${base}/projects/${project}/messages/${target.id}`;
    case 'file':
      return `${base}/projects/${project}/files`;
    case 'service_order':
      return `${base}/orders/${target.id}`;
    case 'appointment':
      return `${base}/appointments/${target.id}`;
    case 'product':
      return `${base}/downloads`;
  }
}
