/**
 * Templates as every screen that uses them needs them: the list of one kind, the merge
 * fields, and a template rendered for a client. The settings screen that edits them adds
 * its own calls; quotes, contracts and projects start from them.
 */
import { useQuery } from '@tanstack/react-query';
import { api, ApiProblem, call } from '@/api/client';
import { summaryOf } from '@/api/human-problems';
import { offline, problemFrom } from '@/api/problem';
import type { components } from '@/api/schema';
import { t } from '@/lib/i18n';

type Schemas = components['schemas'];

export type Template = Schemas['Template'];
export type TemplateKind = Schemas['TemplateKind'];
export type TemplateContent = Schemas['TemplateContent'];
export type MergeField = Schemas['MergeField'];
export type RenderTemplate = Schemas['RenderTemplate'];
export type ContentOf<K extends TemplateKind> = Extract<TemplateContent, { kind: K }>;

export const TEMPLATE_KINDS: TemplateKind[] = ['project', 'quote', 'contract', 'email'];

// Every key starts with 'console' so logging out of the console forgets them all.
export const templateKeys = {
  all: ['console', 'templates'] as const,
  lists: ['console', 'templates', 'list'] as const,
  list: (kind: TemplateKind) => ['console', 'templates', 'list', kind] as const,
  mergeFields: ['console', 'templates', 'merge-fields'] as const,
};

/** The templates of one kind, by name. */
export function useTemplates(kind: TemplateKind) {
  return useQuery({
    queryKey: templateKeys.list(kind),
    queryFn: () => call(api.GET('/api/v1/templates', { params: { query: { kind } } })),
  });
}

export function useMergeFields() {
  return useQuery({
    queryKey: templateKeys.mergeFields,
    queryFn: () => call(api.GET('/api/v1/templates/merge-fields')),
    staleTime: 60 * 60_000,
  });
}

/** Whether a document made from the template needs a quote or a project chosen for its fields. */
export function needsOf(template: Pick<Template, 'fields'> | null | undefined) {
  const fields = template?.fields ?? [];
  return {
    quote: fields.some((f) => f.startsWith('quote.')),
    project: fields.some((f) => f.startsWith('project.')),
  };
}

/**
 * The server's sentences about merge fields, in the reader's language. They name fields in
 * braces (`{{client.first_name}}`), which the general wording rules would mangle.
 */
function mergeMessage(message: string): string | undefined {
  const unknown = /^uses the unknown merge field \{\{(.*?)\}\}/.exec(message);
  if (unknown) return t('consoleTemplates.problem.unknownField', { field: `{{${unknown[1]}}}` });
  if (/^opens a merge field with \{\{ that is never closed/.test(message))
    return t('consoleTemplates.problem.unclosed', { open: '{{', close: '}}' });
  const needed = /^is needed: the template uses \{\{(.*?)\}\}; choose the (quote|project)/.exec(message);
  if (needed)
    return t(
      needed[2] === 'quote' ? 'consoleTemplates.problem.needsQuote' : 'consoleTemplates.problem.needsProject',
      { field: `{{${needed[1]}}}` },
    );
  return undefined;
}

/** A refusal whose merge-field messages are written for people (see `mergeMessage`). */
export class TemplateProblem extends ApiProblem {
  constructor(problem: ApiProblem, own: Map<string, string>) {
    super({
      status: problem.status,
      title: problem.title,
      detail: problem.detail,
      type: problem.type,
      errors: problem.errors,
      retryAfter: problem.retryAfter,
    });
    // In place, after the general wording rules have run (they would mangle `{{a_b}}`).
    for (const e of this.errors) e.message = own.get(e.field) ?? e.message;
    this.message = summaryOf(this.errors, () => false);
  }
}

/** Like `call`, with the merge-field messages of a 422 in the reader's language. */
export async function templateCall<T>(
  promise: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await promise;
  } catch {
    throw offline();
  }
  if (result.response.ok) return result.data as T;
  const problem = problemFrom(result.response, result.error);
  const body = result.error as { errors?: unknown } | undefined;
  const own = new Map<string, string>();
  if (Array.isArray(body?.errors)) {
    for (const e of body.errors as { field?: unknown; message?: unknown }[]) {
      const mine = typeof e.message === 'string' ? mergeMessage(e.message) : undefined;
      if (mine && typeof e.field === 'string') own.set(e.field, mine);
    }
  }
  throw own.size ? new TemplateProblem(problem, own) : problem;
}

/** The template's content with its merge fields resolved for a client (and a quote or project). */
export function renderTemplate(id: string, body: RenderTemplate): Promise<TemplateContent> {
  return templateCall(api.POST('/api/v1/templates/{id}/render', { params: { path: { id } }, body })).then(
    (r) => r.content,
  );
}
