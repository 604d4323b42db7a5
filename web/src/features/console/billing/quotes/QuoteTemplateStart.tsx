import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { lineDraftOf } from '@/components/money/lines';
import { needsOf, renderTemplate, type Template } from '@/components/templates/api';
import { TemplateSelect } from '@/components/templates/TemplateSelect';
import { Alert } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import type { StartFromContext } from '../DocumentForm';
import { digitsOf } from '../documentDraft';

/**
 * "Start from a template" on a new quote: once both a template and the client are chosen, the
 * template is rendered for that client (and the quote's project, when it uses its fields) and
 * fills in the title, notes and lines, which stay editable.
 */
export function QuoteTemplateStart({ context, locale }: { context: StartFromContext; locale: string }) {
  const t = useT();
  const { client, project, currency, fill } = context;
  const [template, setTemplate] = useState<Template | null>(null);
  const [filled, setFilled] = useState<{ name: string; client: string; lines: number } | null>(null);
  const render = useMutation({
    mutationFn: (v: { id: string; client_id: string; project_id: string | null }) =>
      renderTemplate(v.id, { client_id: v.client_id, project_id: v.project_id }),
  });
  const needs = needsOf(template);
  const projectId = needs.project ? project || null : null;
  const key = template && client ? `${template.id}|${client.id}|${projectId ?? ''}` : null;
  const done = useRef<string | null>(null);

  // Rendered once for each template, client (and project) chosen; a later answer wins.
  useEffect(() => {
    if (!key || !template || !client || done.current === key) return;
    done.current = key;
    setFilled(null);
    render.mutate(
      { id: template.id, client_id: client.id, project_id: projectId },
      {
        onSuccess: (content) => {
          if (content.kind !== 'quote') return;
          const digits = digitsOf(currency, locale);
          fill({
            title: content.title,
            notes: content.notes ?? '',
            lines: content.lines.map((l) => lineDraftOf(l, digits)),
          });
          setFilled({ name: template.name, client: client.name, lines: content.lines.length });
        },
      },
    );
  }, [key, template, client, projectId, currency, locale, fill, render]);

  const problem = render.error instanceof ApiProblem ? render.error : null;
  const error = render.isError
    ? (problem?.fieldError('project_id') ?? problem?.fieldError('quote_id') ?? messageOf(render.error))
    : undefined;
  return (
    <div className="space-y-3">
      <TemplateSelect
        kind="quote"
        value={template?.id ?? ''}
        onChange={(chosen) => {
          setTemplate(chosen);
          setFilled(null);
          done.current = null;
          render.reset();
        }}
        error={error}
        hint={
          template && !client
            ? t('consoleBillingQuotes.template.chooseClient')
            : render.isPending
              ? t('consoleBillingQuotes.template.filling')
              : t('consoleBillingQuotes.template.hint')
        }
      />
      {filled && (
        <Alert tone="success">
          {t('consoleBillingQuotes.template.filled', {
            name: filled.name,
            client: filled.client,
            count: filled.lines,
          })}
        </Alert>
      )}
    </div>
  );
}
