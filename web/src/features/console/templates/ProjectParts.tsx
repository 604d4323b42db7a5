import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { newDeliverable, newTask, type DeliverableDraft, type TaskDraft } from './draft';

const input =
  'block w-full rounded-lg border bg-white px-3 py-2 text-[15px] text-slate-900 shadow-sm placeholder:text-slate-500';

/** Up to 200 tasks and 50 deliverables (the API's limits). */
const MAX_TASKS = 200;
const MAX_DELIVERABLES = 50;

/**
 * A project template's tasks, in the order the board shows them: type one and press Enter for
 * the next; move them up and down, or remove them.
 */
export function TaskListEditor({
  tasks,
  onChange,
  errorOf,
}: {
  tasks: TaskDraft[];
  onChange: (tasks: TaskDraft[]) => void;
  errorOf: (index: number) => string | undefined;
}) {
  const t = useT();
  const id = useId();
  const list = useRef<HTMLOListElement>(null);
  const focusKey = useRef<number | null>(null);

  // A task just added takes the focus, so typing goes on in it.
  useEffect(() => {
    if (focusKey.current === null) return;
    list.current?.querySelector<HTMLInputElement>(`[data-key="${focusKey.current}"]`)?.focus();
    focusKey.current = null;
  }, [tasks]);

  const add = (at: number) => {
    if (tasks.length >= MAX_TASKS) return;
    const task = newTask();
    focusKey.current = task.key;
    onChange([...tasks.slice(0, at), task, ...tasks.slice(at)]);
  };
  // Enter starts the next task below this one, as in a list being typed.
  const enterAddsAfter = (i: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    add(i + 1);
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...tasks];
    const [task] = next.splice(i, 1);
    next.splice(i + by, 0, task!);
    onChange(next);
  };

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">{t('consoleTemplates.tasks.legend')}</legend>
      <p className="text-sm text-slate-600">{t('consoleTemplates.tasks.hint')}</p>
      <ol ref={list} className="space-y-2">
        {tasks.map((task, i) => {
          const n = String(i + 1);
          const fid = `${id}-${task.key}`;
          const error = errorOf(i);
          return (
            <li key={task.key} className="flex flex-wrap items-start gap-2">
              <label htmlFor={fid} className="w-8 shrink-0 pt-2 text-right text-sm text-slate-600">
                <span aria-hidden>{n}.</span>
                <span className="sr-only">{t('consoleTemplates.tasks.label', { n })}</span>
              </label>
              <div className="min-w-0 flex-1 space-y-1">
                <input
                  id={fid}
                  type="text"
                  value={task.title}
                  data-key={task.key}
                  data-merge=""
                  maxLength={300}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${fid}-error` : undefined}
                  onChange={(e) =>
                    onChange(tasks.map((x) => (x.key === task.key ? { ...x, title: e.target.value } : x)))
                  }
                  onKeyDown={enterAddsAfter(i)}
                  className={`${input} ${error ? 'border-red-600' : 'border-slate-300'}`}
                />
                {error && (
                  <p id={`${fid}-error`} className="text-sm font-medium text-red-700">
                    {error}
                  </p>
                )}
              </div>
              <div className="flex gap-1">
                <Button
                  variant="ghost"
                  aria-label={t('consoleTemplates.tasks.moveUp', { n })}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </Button>
                <Button
                  variant="ghost"
                  aria-label={t('consoleTemplates.tasks.moveDown', { n })}
                  disabled={i === tasks.length - 1}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </Button>
                <Button
                  variant="ghost"
                  aria-label={t('consoleTemplates.tasks.remove', { n })}
                  onClick={() => onChange(tasks.filter((x) => x.key !== task.key))}
                >
                  {t('consoleTemplates.remove')}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      {tasks.length === 0 && <p className="text-sm text-slate-600">{t('consoleTemplates.tasks.none')}</p>}
      <Button variant="secondary" onClick={() => add(tasks.length)} disabled={tasks.length >= MAX_TASKS}>
        {t('consoleTemplates.tasks.add')}
      </Button>
    </fieldset>
  );
}

/** A project template's deliverables: each a title and an optional description. */
export function DeliverablesEditor({
  deliverables,
  onChange,
  errorOf,
}: {
  deliverables: DeliverableDraft[];
  onChange: (deliverables: DeliverableDraft[]) => void;
  errorOf: (index: number, field: 'title' | 'description') => string | undefined;
}) {
  const t = useT();
  const id = useId();
  const update = (key: number, change: Partial<DeliverableDraft>) =>
    onChange(deliverables.map((x) => (x.key === key ? { ...x, ...change } : x)));

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">
        {t('consoleTemplates.deliverables.legend')}
      </legend>
      <p className="text-sm text-slate-600">{t('consoleTemplates.deliverables.hint')}</p>
      <ol className="space-y-3">
        {deliverables.map((x, i) => {
          const n = String(i + 1);
          const fid = `${id}-${x.key}`;
          const titleError = errorOf(i, 'title');
          const descriptionError = errorOf(i, 'description');
          return (
            <li
              key={x.key}
              aria-label={t('consoleTemplates.deliverables.item', { n })}
              className="space-y-3 rounded-lg border border-slate-200 p-3"
            >
              <div className="space-y-1">
                <label htmlFor={`${fid}-title`} className="block text-sm text-slate-700">
                  {t('consoleTemplates.deliverables.title')}
                  <span className="sr-only">{t('consoleTemplates.deliverables.suffix', { n })}</span>
                </label>
                <input
                  id={`${fid}-title`}
                  type="text"
                  value={x.title}
                  data-merge=""
                  maxLength={200}
                  aria-invalid={titleError ? true : undefined}
                  aria-describedby={titleError ? `${fid}-title-error` : undefined}
                  onChange={(e) => update(x.key, { title: e.target.value })}
                  className={`${input} ${titleError ? 'border-red-600' : 'border-slate-300'}`}
                />
                {titleError && (
                  <p id={`${fid}-title-error`} className="text-sm font-medium text-red-700">
                    {titleError}
                  </p>
                )}
              </div>
              <div className="space-y-1">
                <label htmlFor={`${fid}-description`} className="block text-sm text-slate-700">
                  {t('consoleTemplates.deliverables.description')}
                  <span className="sr-only">{t('consoleTemplates.deliverables.suffix', { n })}</span>
                </label>
                <textarea
                  id={`${fid}-description`}
                  value={x.description}
                  data-merge=""
                  rows={2}
                  aria-invalid={descriptionError ? true : undefined}
                  aria-describedby={descriptionError ? `${fid}-description-error` : undefined}
                  onChange={(e) => update(x.key, { description: e.target.value })}
                  className={`${input} ${descriptionError ? 'border-red-600' : 'border-slate-300'}`}
                />
                {descriptionError && (
                  <p id={`${fid}-description-error`} className="text-sm font-medium text-red-700">
                    {descriptionError}
                  </p>
                )}
              </div>
              <Button
                variant="ghost"
                aria-label={t('consoleTemplates.deliverables.remove', { n })}
                onClick={() => onChange(deliverables.filter((d) => d.key !== x.key))}
              >
                {t('consoleTemplates.remove')}
              </Button>
            </li>
          );
        })}
      </ol>
      <Button
        variant="secondary"
        onClick={() => onChange([...deliverables, newDeliverable()])}
        disabled={deliverables.length >= MAX_DELIVERABLES}
      >
        {t('consoleTemplates.deliverables.add')}
      </Button>
    </fieldset>
  );
}
