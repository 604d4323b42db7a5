import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components, paths } from '@/api/schema';

export type Project = components['schemas']['Project'];
export type ProjectDetail = components['schemas']['ProjectDetail'];
export type ProjectStatus = components['schemas']['ProjectStatus'];
export type Task = components['schemas']['Task'];
export type TaskStatus = components['schemas']['TaskStatus'];
export type Progress = components['schemas']['Progress'];
export type Activity = components['schemas']['Activity'];
export type StaffMember = components['schemas']['StaffMember'];

type JsonBody<T> = T extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
export type CreateProject = JsonBody<paths['/api/v1/projects']['post']>;
export type UpdateProject = JsonBody<paths['/api/v1/projects/{id}']['patch']>;
export type CreateTask = JsonBody<paths['/api/v1/projects/{id}/tasks']['post']>;
export type UpdateTask = JsonBody<paths['/api/v1/projects/{id}/tasks/{task_id}']['patch']>;

// Every key starts with 'console' so logging out of the console forgets them all.
export const projectKeys = {
  lists: ['console', 'projects', 'list'] as const,
  list: (q: string, status: string) => ['console', 'projects', 'list', { q, status }] as const,
  detail: (id: string) => ['console', 'projects', 'detail', id] as const,
  activity: (id: string) => ['console', 'projects', 'activity', id] as const,
  /** Everything under one project (its files, threads, time…), to refresh it all at once. */
  of: (id: string) => ['console', 'projects', 'of', id] as const,
};

export function useProjects(q: string, status: string) {
  return useInfiniteQuery({
    queryKey: projectKeys.list(q, status),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/projects', {
          params: { query: { q: q || undefined, status: status || undefined, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: () => call(api.GET('/api/v1/projects/{id}', { params: { path: { id } } })),
  });
}

export function useProjectActivity(id: string) {
  return useInfiniteQuery({
    queryKey: projectKeys.activity(id),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/projects/{id}/activity', {
          params: { path: { id }, query: { cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** Puts a project the server just returned into the cache, and marks what it affects as stale. */
export function useProjectSaved() {
  const queryClient = useQueryClient();
  return (project: ProjectDetail) => {
    queryClient.setQueryData(projectKeys.detail(project.id), project);
    void queryClient.invalidateQueries({ queryKey: projectKeys.lists });
    void queryClient.invalidateQueries({ queryKey: projectKeys.activity(project.id) });
  };
}

/** After a change inside a project (a task, a file…): its progress, lists and activity are stale. */
export function useProjectChanged() {
  const queryClient = useQueryClient();
  return (id: string) => {
    void queryClient.invalidateQueries({ queryKey: projectKeys.detail(id) });
    void queryClient.invalidateQueries({ queryKey: projectKeys.lists });
    void queryClient.invalidateQueries({ queryKey: projectKeys.activity(id) });
  };
}

export function createProject(body: CreateProject) {
  return call(api.POST('/api/v1/projects', { body }));
}

export function updateProject(id: string, body: UpdateProject) {
  return call(api.PATCH('/api/v1/projects/{id}', { params: { path: { id } }, body }));
}

export function createTask(id: string, body: CreateTask) {
  return call(api.POST('/api/v1/projects/{id}/tasks', { params: { path: { id } }, body }));
}

export function updateTask(id: string, taskId: string, body: UpdateTask) {
  return call(
    api.PATCH('/api/v1/projects/{id}/tasks/{task_id}', {
      params: { path: { id, task_id: taskId } },
      body,
    }),
  );
}

export function deleteTask(id: string, taskId: string) {
  return call(
    api.DELETE('/api/v1/projects/{id}/tasks/{task_id}', { params: { path: { id, task_id: taskId } } }),
  );
}

export function reorderTasks(id: string, taskIds: string[]) {
  return call(
    api.PUT('/api/v1/projects/{id}/tasks/order', { params: { path: { id } }, body: { task_ids: taskIds } }),
  );
}

// Features do not import each other, so this repeats the team query under the clients
// feature's key: the cache holds one copy, whichever screen asked first.

/** The team: to pick who answers for a project and to name who did what. */
export function useStaffList() {
  return useQuery({ queryKey: ['console', 'staff'], queryFn: () => call(api.GET('/api/v1/staff')) });
}

export { useConsoleMe, useFormatDate, useTenant } from '@/lib/console-queries';
