import { useId } from 'react';
import { messageOf } from '@/api/problem';
import { labelClass, select } from '@/components/styles';
import { useT } from '@/lib/i18n/hooks';
import { RUNNING_PROJECT, useClientProjects, type Project } from '../api';

const STATUS_KEYS: Record<string, string> = {
  planned: 'consoleBillingQuotes.forProject.planned',
  active: 'consoleBillingQuotes.forProject.active',
  on_hold: 'consoleBillingQuotes.forProject.onHold',
  completed: 'consoleBillingQuotes.forProject.completed',
  cancelled: 'consoleBillingQuotes.forProject.cancelled',
};

const running = (p: Project) => (RUNNING_PROJECT as readonly string[]).includes(p.status);

/**
 * "For project": the client's running project the quote is for. Accepting the quote then
 * adds its lines to that project as tasks, instead of starting a new project.
 */
export function ForProjectField({
  clientId,
  value,
  onChange,
  error,
}: {
  clientId: string | undefined;
  /** The project's id, or '' for none. */
  value: string;
  onChange: (project: string) => void;
  error?: string;
}) {
  const t = useT();
  const id = useId();
  const projects = useClientProjects(clientId);
  const all = projects.data?.items ?? [];
  // The one already chosen stays listed (with its status) even once it is no longer running.
  const options = all.filter((p) => running(p) || p.id === value);
  const chosen = all.find((p) => p.id === value);
  const note = error ? `${id}-error` : `${id}-hint`;

  let hint: string;
  if (!clientId) hint = t('consoleBillingQuotes.forProject.chooseClient');
  else if (projects.isError)
    hint = t('consoleBillingQuotes.forProject.loadFailed', { error: messageOf(projects.error) });
  else if (projects.isPending) hint = t('consoleBillingQuotes.forProject.loading');
  else if (chosen && !running(chosen)) hint = t('consoleBillingQuotes.forProject.notRunning');
  else if (value) hint = t('consoleBillingQuotes.forProject.hintChosen');
  else if (options.length === 0) hint = t('consoleBillingQuotes.forProject.noneRunning');
  else hint = t('consoleBillingQuotes.forProject.hintNone');

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={labelClass}>
        {t('consoleBillingQuotes.forProject.label')}
      </label>
      <select
        id={id}
        value={value}
        disabled={!clientId || !projects.isSuccess || (options.length === 0 && !value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={note}
        onChange={(e) => onChange(e.target.value)}
        className={`${select} ${error ? 'border-red-600' : ''}`}
      >
        <option value="">{t('consoleBillingQuotes.forProject.none')}</option>
        {options.map((p) => (
          <option key={p.id} value={p.id}>
            {t('consoleBillingQuotes.forProject.option', {
              name: p.name,
              status: t(STATUS_KEYS[p.status] ?? 'consoleBillingQuotes.forProject.active'),
            })}
          </option>
        ))}
        {value && projects.isSuccess && !chosen && (
          <option value={value}>{t('consoleBillingQuotes.forProject.unknown')}</option>
        )}
      </select>
      {error ? (
        <p id={note} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : (
        <p id={note} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}
