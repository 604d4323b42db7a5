import { useQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type PublicForm = components['schemas']['PublicForm'];
export type FormField = components['schemas']['FormField'];
export type SubmitForm = components['schemas']['SubmitForm'];

export function usePublicForm(slug: string, form: string) {
  return useQuery({
    queryKey: ['public-form', slug, form],
    queryFn: () => call(api.GET('/api/v1/portal/{slug}/forms/{form}', { params: { path: { slug, form } } })),
    retry: false,
  });
}

export function submitForm(slug: string, form: string, body: SubmitForm) {
  return call(
    api.POST('/api/v1/portal/{slug}/forms/{form}/submissions', { params: { path: { slug, form } }, body }),
  );
}
