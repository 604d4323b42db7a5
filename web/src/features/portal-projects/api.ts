import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type PortalProject = components['schemas']['PortalProject'];
export type PortalProjectDetail = components['schemas']['PortalProjectDetail'];
export type ProjectStatus = components['schemas']['ProjectStatus'];
export type TaskStatus = components['schemas']['TaskStatus'];
export type BoardColumn = components['schemas']['BoardColumn'];
export type Progress = components['schemas']['Progress'];

export const keys = {
  projects: (slug: string) => ['portal', slug, 'projects'] as const,
  project: (slug: string, id: string) => ['portal', slug, 'projects', 'one', id] as const,
  dashboard: (slug: string) => ['portal', slug, 'dashboard'] as const,
  me: (slug: string) => ['portal', slug, 'me'] as const,
};

export function usePortalProjects(slug: string, state: 'open' | 'closed', limit = 25) {
  return useInfiniteQuery({
    queryKey: [...keys.projects(slug), 'list', state, limit],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/portal/projects', { params: { query: { state, limit, cursor: pageParam } } })),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export function usePortalProject(slug: string, id: string) {
  return useQuery({
    queryKey: keys.project(slug, id),
    queryFn: () => call(api.GET('/api/v1/portal/projects/{id}', { params: { path: { id } } })),
  });
}

export function usePortalDashboard(slug: string) {
  return useQuery({
    queryKey: keys.dashboard(slug),
    queryFn: () => call(api.GET('/api/v1/portal/dashboard')),
  });
}

/** The client (the same cache entry the portal shell reads), to know whether this is a read-only view. */
export function usePortalClient(slug: string) {
  return useQuery({ queryKey: keys.me(slug), queryFn: () => call(api.GET('/api/v1/portal/me')) });
}

/** After a change to a project's content, the project, its lists and the dashboard may read differently. */
export function useProjectChanged(slug: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: keys.projects(slug) });
    void queryClient.invalidateQueries({ queryKey: keys.dashboard(slug) });
  };
}
