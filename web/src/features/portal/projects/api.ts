import { useInfiniteQuery, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
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

// ——— Deliverables, feedback, files, messages, time, products ———

export type Deliverable = components['schemas']['Deliverable'];
export type DeliverableFile = components['schemas']['DeliverableFile'];
export type ProjectFeedback = components['schemas']['ProjectFeedback'];
export type PortalFile = components['schemas']['PortalFile'];
export type PortalThread = components['schemas']['PortalThread'];
export type PortalMessage = components['schemas']['PortalMessage'];
export type PortalProjectTime = components['schemas']['PortalProjectTime'];
export type PortalProduct = components['schemas']['PortalProduct'];
export type Attachment = components['schemas']['Attachment'];

export const parts = {
  deliverables: (slug: string, id: string) => [...keys.project(slug, id), 'deliverables'] as const,
  feedback: (slug: string, id: string) => [...keys.project(slug, id), 'feedback'] as const,
  files: (slug: string, id: string) => [...keys.project(slug, id), 'files'] as const,
  threads: (slug: string, id: string) => [...keys.project(slug, id), 'threads'] as const,
  messages: (slug: string, threadId: string) => ['portal', slug, 'threads', threadId] as const,
  time: (slug: string, id: string) => [...keys.project(slug, id), 'time'] as const,
  products: (slug: string) => ['portal', slug, 'products'] as const,
};

export function useDeliverables(slug: string, projectId: string) {
  return useQuery({
    queryKey: parts.deliverables(slug, projectId),
    queryFn: () =>
      call(api.GET('/api/v1/portal/projects/{id}/deliverables', { params: { path: { id: projectId } } })),
  });
}

/** The submitted deliverables of these projects: what waits for the client's decision. */
export function useAwaitingApproval(slug: string, projectIds: string[], enabled: boolean) {
  const results = useQueries({
    queries: projectIds.map((id) => ({
      queryKey: parts.deliverables(slug, id),
      queryFn: () => call(api.GET('/api/v1/portal/projects/{id}/deliverables', { params: { path: { id } } })),
      enabled,
    })),
  });
  return results.flatMap((r) => r.data?.items.filter((d) => d.status === 'submitted') ?? []);
}

/** After a decision: the deliverables, the project's header and the dashboard's counts. */
export function useDeliverableDecided(slug: string, projectId: string) {
  const queryClient = useQueryClient();
  const changed = useProjectChanged(slug);
  return () => {
    void queryClient.invalidateQueries({ queryKey: parts.deliverables(slug, projectId) });
    void queryClient.invalidateQueries({ queryKey: keys.project(slug, projectId), exact: true });
    changed();
  };
}

export const approveDeliverable = (id: string) =>
  call(api.POST('/api/v1/portal/deliverables/{id}/approve', { params: { path: { id } } }));

export const requestChanges = (id: string, comment: string) =>
  call(
    api.POST('/api/v1/portal/deliverables/{id}/request-changes', {
      params: { path: { id } },
      body: { comment },
    }),
  );

export function useFeedback(slug: string, projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: parts.feedback(slug, projectId),
    queryFn: () =>
      call(api.GET('/api/v1/portal/projects/{id}/feedback', { params: { path: { id: projectId } } })),
    enabled,
  });
}

export const sendFeedback = (projectId: string, rating: number, comment: string | null) =>
  call(
    api.POST('/api/v1/portal/projects/{id}/feedback', {
      params: { path: { id: projectId } },
      body: { rating, comment },
    }),
  );

export function useProjectFiles(slug: string, projectId: string) {
  return useQuery({
    queryKey: parts.files(slug, projectId),
    queryFn: () =>
      call(api.GET('/api/v1/portal/projects/{id}/files', { params: { path: { id: projectId } } })),
  });
}

export function useFilesChanged(slug: string, projectId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: parts.files(slug, projectId) });
}

/** A multipart upload: the browser sets the boundary, so the body goes out as it is. */
export function uploadFile(projectId: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return call(
    api.POST('/api/v1/portal/projects/{id}/files', {
      params: { path: { id: projectId } },
      // The spec types the part as a string; the form carries the real file.
      body: form as never,
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
}

/**
 * A file to send with the client's next message on the project (multipart, like `uploadFile`).
 * Nobody sees it until a message names it in `attachment_ids`; it works even when the project
 * takes no uploads of files.
 */
export function uploadAttachment(projectId: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return call(
    api.POST('/api/v1/portal/projects/{id}/attachments', {
      params: { path: { id: projectId } },
      body: form as never,
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
}

/** A short-lived address that downloads the file without a login header (so a browser can follow it). */
export const downloadLink = (fileId: string) =>
  call(api.GET('/api/v1/portal/files/{id}/link', { params: { path: { id: fileId } } }));

export function useThreads(slug: string, projectId: string) {
  return useQuery({
    queryKey: parts.threads(slug, projectId),
    queryFn: () =>
      call(api.GET('/api/v1/portal/projects/{id}/threads', { params: { path: { id: projectId } } })),
  });
}

/** Attachments go only when there are some, so a plain message reads as it always did. */
const withAttachments = (ids: string[]) => (ids.length > 0 ? { attachment_ids: ids } : {});

export const startThread = (projectId: string, title: string, body: string, attachmentIds: string[] = []) =>
  call(
    api.POST('/api/v1/portal/projects/{id}/threads', {
      params: { path: { id: projectId } },
      body: { title, body, ...withAttachments(attachmentIds) },
    }),
  );

/** A thread's messages, oldest first; the later pages hold the newer ones. */
export function useMessages(slug: string, threadId: string) {
  return useInfiniteQuery({
    queryKey: parts.messages(slug, threadId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/portal/threads/{id}/messages', {
          params: { path: { id: threadId }, query: { limit: 100, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export function useThreadsChanged(slug: string, projectId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: parts.threads(slug, projectId) });
}

export function useThreadChanged(slug: string, projectId: string, threadId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: parts.messages(slug, threadId) });
    void queryClient.invalidateQueries({ queryKey: parts.threads(slug, projectId) });
  };
}

export const postMessage = (threadId: string, body: string, attachmentIds: string[] = []) =>
  call(
    api.POST('/api/v1/portal/threads/{id}/messages', {
      params: { path: { id: threadId } },
      body: { body, ...withAttachments(attachmentIds) },
    }),
  );

export const markThreadRead = (threadId: string) =>
  call(api.POST('/api/v1/portal/threads/{id}/read', { params: { path: { id: threadId } } }));

export function useProjectTime(slug: string, projectId: string) {
  return useQuery({
    queryKey: parts.time(slug, projectId),
    queryFn: () =>
      call(api.GET('/api/v1/portal/projects/{id}/time', { params: { path: { id: projectId } } })),
  });
}

export function useProducts(slug: string) {
  return useQuery({
    queryKey: parts.products(slug),
    queryFn: () => call(api.GET('/api/v1/portal/products')),
  });
}
