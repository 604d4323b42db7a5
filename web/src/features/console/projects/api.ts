import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiProblem, call } from '@/api/client';
import type { components, paths } from '@/api/schema';
import type { JsonBody } from '@/lib/json-body';
import { templateCall } from '@/components/templates/api';

export type Project = components['schemas']['Project'];
export type ProjectDetail = components['schemas']['ProjectDetail'];
export type ProjectStatus = components['schemas']['ProjectStatus'];
export type Task = components['schemas']['Task'];
export type TaskStatus = components['schemas']['TaskStatus'];
export type Progress = components['schemas']['Progress'];
export type Activity = components['schemas']['Activity'];
export type StaffMember = components['schemas']['StaffMember'];
export type ProjectFile = components['schemas']['ProjectFile'];
export type UploadForm = components['schemas']['UploadForm'];
export type UpdateFile = components['schemas']['UpdateFile'];
export type FileOnlyForm = components['schemas']['FileOnlyForm'];
export type Attachment = components['schemas']['Attachment'];
export type Thread = components['schemas']['Thread'];
export type Message = components['schemas']['Message'];
export type CreateThread = components['schemas']['CreateThread'];
export type PostMessage = components['schemas']['PostMessage'];
export type TimeLog = components['schemas']['TimeLog'];
export type TimeLogList = components['schemas']['TimeLogList'];
export type CreateTimeLog = components['schemas']['CreateTimeLog'];
export type UpdateTimeLog = components['schemas']['UpdateTimeLog'];
export type Deliverable = components['schemas']['Deliverable'];
export type DeliverableStatus = components['schemas']['DeliverableStatus'];
export type DeliverableEvent = components['schemas']['DeliverableEvent'];
export type CreateDeliverable = components['schemas']['CreateDeliverable'];
export type UpdateDeliverable = components['schemas']['UpdateDeliverable'];
export type Feedback = components['schemas']['ProjectFeedback'];

export type CreateProject = JsonBody<paths['/api/v1/projects']['post']>;
export type UpdateProject = JsonBody<paths['/api/v1/projects/{id}']['patch']>;
export type CreateTask = JsonBody<paths['/api/v1/projects/{id}/tasks']['post']>;
export type UpdateTask = JsonBody<paths['/api/v1/projects/{id}/tasks/{task_id}']['patch']>;

// Every key starts with 'console' so logging out of the console forgets them all.
export const projectKeys = {
  lists: ['console', 'projects', 'list'] as const,
  list: (q: string, status: string, client = '') =>
    ['console', 'projects', 'list', { q, status, client }] as const,
  detail: (id: string) => ['console', 'projects', 'detail', id] as const,
  activity: (id: string) => ['console', 'projects', 'activity', id] as const,
  /** Everything under one project (its files, threads, time…), to refresh it all at once. */
  of: (id: string) => ['console', 'projects', 'of', id] as const,
};

/** The projects list, searched, filtered by status and, with `clientId`, only that client's. */
export function useProjects(q: string, status: string, clientId = '') {
  return useInfiniteQuery({
    queryKey: projectKeys.list(q, status, clientId),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/projects', {
          params: {
            query: {
              q: q || undefined,
              status: status || undefined,
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

/** A new project with a project template's tasks and deliverables (and its description, unless given). */
export function createProjectFromTemplate(templateId: string, body: CreateProject) {
  return templateCall(
    api.POST('/api/v1/templates/{id}/project', { params: { path: { id: templateId } }, body }),
  );
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

export { useConsoleMe, useFormatDate, useStaffList, useTenant } from '@/lib/console-queries';

// ——— Deliverables, files, messages, time and feedback ———

export const workKeys = {
  deliverables: (id: string) => ['console', 'projects', 'of', id, 'deliverables'] as const,
  files: (id: string) => ['console', 'projects', 'of', id, 'files'] as const,
  threads: (id: string) => ['console', 'projects', 'of', id, 'threads'] as const,
  messages: (id: string, threadId: string) =>
    ['console', 'projects', 'of', id, 'threads', threadId, 'messages'] as const,
  time: (id: string) => ['console', 'projects', 'of', id, 'time'] as const,
  feedback: (id: string) => ['console', 'projects', 'of', id, 'feedback'] as const,
};

export function useDeliverables(id: string) {
  return useQuery({
    queryKey: workKeys.deliverables(id),
    queryFn: () => call(api.GET('/api/v1/projects/{id}/deliverables', { params: { path: { id } } })),
  });
}

export function createDeliverable(id: string, body: CreateDeliverable) {
  return call(api.POST('/api/v1/projects/{id}/deliverables', { params: { path: { id } }, body }));
}

export function updateDeliverable(id: string, body: UpdateDeliverable) {
  return call(api.PATCH('/api/v1/deliverables/{id}', { params: { path: { id } }, body }));
}

/** Sends it to the client for review; the note, if any, shows in its history on both sides. */
export function submitDeliverable(id: string, note?: string) {
  return call(api.POST('/api/v1/deliverables/{id}/submit', { params: { path: { id } }, body: { note } }));
}

export function reopenDeliverable(id: string, note?: string) {
  return call(api.POST('/api/v1/deliverables/{id}/reopen', { params: { path: { id } }, body: { note } }));
}

export function useProjectFiles(id: string) {
  return useQuery({
    queryKey: workKeys.files(id),
    queryFn: () => call(api.GET('/api/v1/projects/{id}/files', { params: { path: { id } } })),
  });
}

/**
 * openapi-fetch sends a `FormData` body as it is (the browser sets the multipart boundary);
 * the spec's form schema describes its fields.
 */
function multipart<T>(form: FormData): T {
  return form as unknown as T;
}

/** Uploads one file as multipart form data; `deliverable_id` attaches it to a deliverable. */
export function uploadFile(
  id: string,
  file: File,
  options: { clientVisible: boolean; deliverableId?: string },
) {
  const form = new FormData();
  form.append('client_visible', String(options.clientVisible));
  if (options.deliverableId) form.append('deliverable_id', options.deliverableId);
  form.append('file', file);
  return call(
    api.POST('/api/v1/projects/{id}/files', {
      params: { path: { id } },
      body: multipart<UploadForm>(form),
    }),
  );
}

/**
 * Uploads a file to send with the next message on the project (multipart). It waits, listed
 * nowhere, until a message names it in `attachment_ids`.
 */
export function uploadAttachment(projectId: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return call(
    api.POST('/api/v1/projects/{id}/attachments', {
      params: { path: { id: projectId } },
      body: multipart<FileOnlyForm>(form),
    }),
  );
}

export function updateFile(id: string, body: UpdateFile) {
  return call(api.PATCH('/api/v1/files/{id}', { params: { path: { id } }, body }));
}

export function deleteFile(id: string) {
  return call(api.DELETE('/api/v1/files/{id}', { params: { path: { id } } }));
}

/** A short-lived address that downloads the file without the session's token. */
export function fileLink(id: string) {
  return call(api.GET('/api/v1/files/{id}/link', { params: { path: { id } } }));
}

export function useThreads(id: string) {
  return useQuery({
    queryKey: workKeys.threads(id),
    queryFn: () => call(api.GET('/api/v1/projects/{id}/threads', { params: { path: { id } } })),
  });
}

export function useMessages(id: string, threadId: string) {
  return useInfiniteQuery({
    queryKey: workKeys.messages(id, threadId),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/threads/{id}/messages', {
          params: { path: { id: threadId }, query: { cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function createThread(id: string, body: CreateThread) {
  return call(api.POST('/api/v1/projects/{id}/threads', { params: { path: { id } }, body }));
}

export function postMessage(threadId: string, body: PostMessage) {
  return call(api.POST('/api/v1/threads/{id}/messages', { params: { path: { id: threadId } }, body }));
}

export function markThreadRead(threadId: string) {
  return call(api.POST('/api/v1/threads/{id}/read', { params: { path: { id: threadId } } }));
}

export function useTimeLogs(id: string) {
  return useQuery({
    queryKey: workKeys.time(id),
    queryFn: () => call(api.GET('/api/v1/projects/{id}/time-logs', { params: { path: { id } } })),
  });
}

export function createTimeLog(id: string, body: CreateTimeLog) {
  return call(api.POST('/api/v1/projects/{id}/time-logs', { params: { path: { id } }, body }));
}

export function updateTimeLog(id: string, body: UpdateTimeLog) {
  return call(api.PATCH('/api/v1/time-logs/{id}', { params: { path: { id } }, body }));
}

export function deleteTimeLog(id: string) {
  return call(api.DELETE('/api/v1/time-logs/{id}', { params: { path: { id } } }));
}

/** The feedback request and its answer; `null` when none was ever requested (404). */
export function useFeedback(id: string) {
  return useQuery({
    queryKey: workKeys.feedback(id),
    queryFn: async () => {
      try {
        return await call(api.GET('/api/v1/projects/{id}/feedback', { params: { path: { id } } }));
      } catch (e) {
        if (e instanceof ApiProblem && e.status === 404) return null;
        throw e;
      }
    },
  });
}

export function requestFeedback(id: string) {
  return call(api.POST('/api/v1/projects/{id}/feedback-request', { params: { path: { id } } }));
}
