/**
 * The templates' own API: making, changing and deleting them. Listing them, their merge
 * fields and rendering one live in `@/components/templates`, shared with the screens that
 * start from a template.
 */
import { useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components, paths } from '@/api/schema';
import { templateCall, templateKeys } from '@/components/templates/api';
import type { JsonBody } from '@/lib/json-body';

export type CreateTemplate = components['schemas']['CreateTemplate'];
export type UpdateTemplate = JsonBody<paths['/api/v1/templates/{id}']['patch']>;

export {
  TEMPLATE_KINDS,
  needsOf,
  useMergeFields,
  useTemplates,
  type ContentOf,
  type MergeField,
  type Template,
  type TemplateContent,
  type TemplateKind,
} from '@/components/templates/api';
export { useTenant } from '@/lib/console-queries';

export const createTemplate = (body: CreateTemplate) => templateCall(api.POST('/api/v1/templates', { body }));

export const updateTemplate = (id: string, body: UpdateTemplate) =>
  templateCall(api.PATCH('/api/v1/templates/{id}', { params: { path: { id } }, body }));

export const deleteTemplate = (id: string) =>
  call(api.DELETE('/api/v1/templates/{id}', { params: { path: { id } } }));

/** After a template is saved or deleted: every list of templates is stale. */
export function useTemplatesChanged() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: templateKeys.lists });
}
