import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { ClientPicker } from '@/components/ClientPicker';
import { Alert, Button, TextArea, TextField } from '@/components/ui';
import { useStaffList, type ProjectStatus } from './api';
import type { ProjectDraft } from './projectDraft';
import { PROJECT_STATUSES, projectStatusLook } from './statuses';
import { labelClass, select } from '@/components/styles';
import { markdownHint } from '@/lib/markdown';
import { useT } from '@/lib/i18n/hooks';

/**
 * A project's details. A new project also picks its client and first status; an existing
 * one keeps its client, and its status changes from the page header.
 */
export function ProjectForm({
  initial,
  mode,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
  startFrom,
  descriptionHint,
}: {
  initial: ProjectDraft;
  mode: 'new' | 'edit';
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (draft: ProjectDraft) => void;
  onCancel: () => void;
  /** A part at the top of a new project's form (its template). */
  startFrom?: ReactNode;
  /** Replaces the description's usual hint. */
  descriptionHint?: string;
}) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const staff = useStaffList();
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const set = <K extends keyof ProjectDraft>(key: K, value: ProjectDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const problem = error instanceof ApiProblem ? error : null;
  const missing: Record<string, string | undefined> = checked
    ? {
        client_id: mode === 'new' && !draft.client ? t('consoleProjects.form.chooseClient') : undefined,
        name: draft.name.trim() ? undefined : t('consoleProjects.form.nameMissing'),
        due_date:
          draft.start_date && draft.due_date && draft.due_date < draft.start_date
            ? t('consoleProjects.form.dueBeforeStart')
            : undefined,
      }
    : {};
  const errorOf = (field: string) => missing[field] ?? problem?.fieldError(field);
  const onScreen = [
    ...(mode === 'new' ? ['client_id', 'status'] : []),
    'name',
    'description',
    'start_date',
    'due_date',
    'staff_id',
  ];

  // Takes the person to the first field the server refused.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    const badDates = draft.start_date && draft.due_date && draft.due_date < draft.start_date;
    if ((mode === 'new' && !draft.client) || !draft.name.trim() || badDates) {
      setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSubmit(draft);
  };

  return (
    <form ref={form} onSubmit={submit} noValidate className="space-y-5">
      {error != null && <Alert tone="error">{messageOf(error, onScreen)}</Alert>}
      {startFrom}
      {mode === 'new' && (
        <ClientPicker value={draft.client} onChange={(c) => set('client', c)} error={errorOf('client_id')} />
      )}
      <TextField
        label={t('consoleProjects.form.name')}
        required
        value={draft.name}
        error={errorOf('name')}
        hint={t('consoleProjects.form.nameHint')}
        onChange={(e) => set('name', e.target.value)}
      />
      <TextArea
        label={t('consoleProjects.form.description')}
        value={draft.description}
        error={errorOf('description')}
        hint={`${descriptionHint ?? t('consoleProjects.form.descriptionHint')} ${markdownHint()}`}
        onChange={(e) => set('description', e.target.value)}
      />
      <div className="grid gap-5 sm:grid-cols-3">
        {mode === 'new' && (
          <div className="space-y-1.5">
            <label htmlFor="project-form-status" className={labelClass}>
              {t('consoleProjects.form.status')}
            </label>
            <select
              id="project-form-status"
              value={draft.status}
              onChange={(e) => set('status', e.target.value as ProjectStatus)}
              className={select}
            >
              {PROJECT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {projectStatusLook(s).label}
                </option>
              ))}
            </select>
            {problem?.fieldError('status') && (
              <p className="text-sm font-medium text-red-700">{problem.fieldError('status')}</p>
            )}
          </div>
        )}
        <TextField
          label={t('consoleProjects.form.startDate')}
          type="date"
          value={draft.start_date}
          error={errorOf('start_date')}
          onChange={(e) => set('start_date', e.target.value)}
        />
        <TextField
          label={t('consoleProjects.form.dueDate')}
          type="date"
          value={draft.due_date}
          error={errorOf('due_date')}
          hint={t('consoleProjects.form.dueDateHint')}
          onChange={(e) => set('due_date', e.target.value)}
        />
      </div>
      <div className="space-y-1.5 sm:w-80">
        <label htmlFor="project-form-staff" className={labelClass}>
          {t('consoleProjects.form.assignedTo')}
        </label>
        <select
          id="project-form-staff"
          value={draft.staff_id}
          aria-invalid={problem?.fieldError('staff_id') ? true : undefined}
          onChange={(e) => set('staff_id', e.target.value)}
          className={select}
        >
          <option value="">{t('consoleProjects.form.nobody')}</option>
          {(staff.data?.items ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
          {draft.staff_id && staff.data && !staff.data.items.some((s) => s.id === draft.staff_id) && (
            <option value={draft.staff_id}>{t('consoleProjects.form.formerMember')}</option>
          )}
        </select>
        {problem?.fieldError('staff_id') ? (
          <p className="text-sm font-medium text-red-700">{problem.fieldError('staff_id')}</p>
        ) : (
          <p className="text-sm text-slate-600">
            {staff.isError
              ? t('consoleProjects.form.staffError', { error: messageOf(staff.error) })
              : t('consoleProjects.form.assignedHint')}
          </p>
        )}
      </div>
      <label className="flex items-start gap-3 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={draft.client_uploads}
          onChange={(e) => set('client_uploads', e.target.checked)}
          className="mt-0.5 h-4 w-4 rounded border-slate-300"
        />
        <span>
          <span className="font-medium">{t('consoleProjects.form.clientUploads')}</span>
          <span className="block text-slate-600">{t('consoleProjects.form.clientUploadsHint')}</span>
        </span>
      </label>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('consoleProjects.form.cancel')}
        </Button>
      </div>
    </form>
  );
}
