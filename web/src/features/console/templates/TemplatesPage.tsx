import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { templateSummary } from '@/components/templates/summary';
import {
  Alert,
  Badge,
  Button,
  Card,
  ConfirmButton,
  EmptyState,
  ErrorState,
  Loading,
  PageHeader,
  TabLinks,
  useToast,
} from '@/components/ui';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
import {
  deleteTemplate,
  needsOf,
  TEMPLATE_KINDS,
  useTemplates,
  useTemplatesChanged,
  useTenant,
  type Template,
  type TemplateKind,
} from './api';
import { token } from './mergeFields';
import { TemplateEditor } from './TemplateEditor';

const KIND_KEYS = {
  project: {
    tab: 'consoleTemplates.kind.project',
    add: 'consoleTemplates.list.newProject',
    empty: 'consoleTemplates.list.emptyProject',
    emptyText: 'consoleTemplates.list.emptyProjectText',
  },
  quote: {
    tab: 'consoleTemplates.kind.quote',
    add: 'consoleTemplates.list.newQuote',
    empty: 'consoleTemplates.list.emptyQuote',
    emptyText: 'consoleTemplates.list.emptyQuoteText',
  },
  contract: {
    tab: 'consoleTemplates.kind.contract',
    add: 'consoleTemplates.list.newContract',
    empty: 'consoleTemplates.list.emptyContract',
    emptyText: 'consoleTemplates.list.emptyContractText',
  },
  email: {
    tab: 'consoleTemplates.kind.email',
    add: 'consoleTemplates.list.newEmail',
    empty: 'consoleTemplates.list.emptyEmail',
    emptyText: 'consoleTemplates.list.emptyEmailText',
  },
} as const;

const isKind = (k: string | null): k is TemplateKind => TEMPLATE_KINDS.includes(k as TemplateKind);

/**
 * `/app/settings/templates`: the business's templates, one kind at a time (`?kind=`): what
 * each holds, and making, changing or deleting them.
 */
export function TemplatesPage() {
  const t = useT();
  const [params] = useSearchParams();
  const asked = params.get('kind');
  const kind: TemplateKind = isKind(asked) ? asked : 'project';
  // `null`: the list; 'new': making one; otherwise the template being changed.
  const [editing, setEditing] = useState<{ kind: TemplateKind; template: Template | null } | null>(null);
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  const open = editing?.kind === kind ? editing : null;

  return (
    <div className="max-w-6xl">
      <PageHeader
        title={t('consoleTemplates.title')}
        description={t('consoleTemplates.description', { example: token('client.name') })}
        actions={
          !open && (
            <Button onClick={() => setEditing({ kind, template: null })}>{t(KIND_KEYS[kind].add)}</Button>
          )
        }
      />
      <TabLinks
        label={t('consoleTemplates.kinds')}
        tabs={TEMPLATE_KINDS.map((k) => ({
          to: `?kind=${k}`,
          label: t(KIND_KEYS[k].tab),
          selected: k === kind,
        }))}
      />
      {open ? (
        <Card>
          {tenant.isPending ? (
            <Loading label={t('consoleTemplates.editor.loading')} />
          ) : tenant.isError ? (
            <ErrorState message={messageOf(tenant.error)} onRetry={() => void tenant.refetch()} />
          ) : (
            <TemplateEditor
              key={open.template?.id ?? `new-${kind}`}
              kind={kind}
              template={open.template}
              currency={tenant.data.currency}
              locale={locale}
              onDone={() => setEditing(null)}
            />
          )}
        </Card>
      ) : (
        <TemplateList kind={kind} onEdit={(x) => setEditing({ kind, template: x })} />
      )}
    </div>
  );
}

function TemplateList({ kind, onEdit }: { kind: TemplateKind; onEdit: (template: Template) => void }) {
  const t = useT();
  const templates = useTemplates(kind);
  if (templates.isPending) return <Loading label={t('consoleTemplates.list.loading')} />;
  if (templates.isError)
    return (
      <ErrorState
        title={t('consoleTemplates.list.loadFailed')}
        message={messageOf(templates.error)}
        onRetry={() => void templates.refetch()}
      />
    );
  if (templates.data.items.length === 0)
    return <EmptyState title={t(KIND_KEYS[kind].empty)}>{t(KIND_KEYS[kind].emptyText)}</EmptyState>;
  return (
    <ul aria-label={t('consoleTemplates.list.label', { kind: t(KIND_KEYS[kind].tab) })} className="space-y-3">
      {templates.data.items.map((x) => (
        <TemplateRow key={x.id} template={x} onEdit={() => onEdit(x)} />
      ))}
    </ul>
  );
}

function TemplateRow({ template, onEdit }: { template: Template; onEdit: () => void }) {
  const t = useT();
  const toast = useToast();
  const changed = useTemplatesChanged();
  const remove = useMutation({
    mutationFn: () => deleteTemplate(template.id),
    onSuccess: () => {
      changed();
      toast(t('consoleTemplates.list.deletedToast', { name: template.name }));
    },
  });
  const needs = needsOf(template);
  return (
    <li
      aria-label={template.name}
      className="flex flex-wrap items-start justify-between gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="min-w-0">
        <p className="font-semibold text-slate-900">{template.name}</p>
        <p className="text-sm break-words text-slate-600">{templateSummary(template.content, t)}</p>
        {(needs.quote || needs.project) && (
          <p className="mt-1 flex flex-wrap gap-1">
            {needs.quote && <Badge tone="amber">{t('consoleTemplates.list.needsQuote')}</Badge>}
            {needs.project && <Badge tone="amber">{t('consoleTemplates.list.needsProject')}</Badge>}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-start gap-2">
        <Button
          variant="secondary"
          aria-label={t('consoleTemplates.list.editLabel', { name: template.name })}
          onClick={onEdit}
        >
          {t('consoleTemplates.list.edit')}
        </Button>
        <ConfirmButton
          label={t('consoleTemplates.list.delete')}
          question={t('consoleTemplates.list.deleteQuestion', { name: template.name })}
          confirmLabel={t('consoleTemplates.list.deleteConfirm')}
          busy={remove.isPending}
          onConfirm={() => remove.mutateAsync()}
        />
        {remove.isError && (
          <div className="w-full">
            <Alert tone="error">{messageOf(remove.error)}</Alert>
          </div>
        )}
      </div>
    </li>
  );
}
