import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { messageOf } from '@/api/problem';
import { labelClass, select } from '@/components/styles';
import { useT } from '@/lib/i18n/hooks';
import { useTemplates, type Template, type TemplateKind } from './api';

const MANAGE_KEYS = {
  project: 'consoleTemplates.start.noneProject',
  quote: 'consoleTemplates.start.noneQuote',
  contract: 'consoleTemplates.start.noneContract',
  email: 'consoleTemplates.start.noneEmail',
} as const;

/**
 * "Start from a template": a choice among the templates of one kind, or none. When there are
 * none yet, it says where they are made.
 */
export function TemplateSelect({
  kind,
  value,
  onChange,
  hint,
  error,
}: {
  kind: TemplateKind;
  /** The chosen template's id, or '' for none. */
  value: string;
  onChange: (template: Template | null) => void;
  hint?: ReactNode;
  error?: string;
}) {
  const t = useT();
  const id = useId();
  const templates = useTemplates(kind);
  const items = templates.data?.items ?? [];
  const empty = templates.isSuccess && items.length === 0;
  const note = error ? `${id}-error` : `${id}-hint`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={labelClass}>
        {t('consoleTemplates.start.label')}
      </label>
      <select
        id={id}
        value={value}
        disabled={!templates.isSuccess || empty}
        aria-invalid={error ? true : undefined}
        aria-describedby={note}
        onChange={(e) => onChange(items.find((x) => x.id === e.target.value) ?? null)}
        className={`${select} ${error ? 'border-red-600' : ''}`}
      >
        <option value="">
          {templates.isPending ? t('consoleTemplates.start.loading') : t('consoleTemplates.start.none')}
        </option>
        {items.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name}
          </option>
        ))}
      </select>
      {error ? (
        <p id={note} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : (
        <p id={note} className="text-sm text-slate-600">
          {templates.isError ? (
            t('consoleTemplates.start.loadFailed', { error: messageOf(templates.error) })
          ) : empty ? (
            <>
              {t(MANAGE_KEYS[kind])}{' '}
              <Link
                to={`/app/settings/templates?kind=${kind}`}
                className="font-medium text-slate-900 underline"
              >
                {t('consoleTemplates.start.manage')}
              </Link>
            </>
          ) : (
            hint
          )}
        </p>
      )}
    </div>
  );
}
