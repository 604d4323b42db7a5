import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type Form = components['schemas']['Form'];
export type FormField = components['schemas']['FormField'];
export type FieldKind = components['schemas']['FieldKind'];
export type CreateForm = components['schemas']['CreateForm'];
export type UpdateForm = components['schemas']['UpdateForm'];
export type Submission = components['schemas']['Submission'];

export { isAdmin, useConsoleMe, useFormatDate } from '@/lib/console-queries';

// Every key starts with 'console' so logging out of the console forgets them all.
export const formKeys = {
  list: ['console', 'forms', 'list'] as const,
  detail: (id: string) => ['console', 'forms', 'detail', id] as const,
  submissions: (id: string) => ['console', 'forms', 'submissions', id] as const,
};

export function useForms() {
  return useInfiniteQuery({
    queryKey: formKeys.list,
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/forms', { params: { query: { cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useForm(id: string) {
  return useQuery({
    queryKey: formKeys.detail(id),
    queryFn: () => call(api.GET('/api/v1/forms/{id}', { params: { path: { id } } })),
  });
}

export function useSubmissions(id: string) {
  return useInfiniteQuery({
    queryKey: formKeys.submissions(id),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/forms/{id}/submissions', { params: { path: { id }, query: { cursor: pageParam } } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** Puts a form the server just returned into the cache, and marks the list stale. */
export function useFormSaved() {
  const queryClient = useQueryClient();
  return (form: Form) => {
    queryClient.setQueryData(formKeys.detail(form.id), form);
    void queryClient.invalidateQueries({ queryKey: formKeys.list });
  };
}

export function createForm(body: CreateForm) {
  return call(api.POST('/api/v1/forms', { body }));
}

export function updateForm(id: string, body: UpdateForm) {
  return call(api.PATCH('/api/v1/forms/{id}', { params: { path: { id } }, body }));
}

export function deleteForm(id: string) {
  return call(api.DELETE('/api/v1/forms/{id}', { params: { path: { id } } }));
}
