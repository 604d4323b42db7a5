import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, TextArea, TextField } from '@/components/ui';
import { ClientPicker } from '@/components/ClientPicker';
import { LineEditor } from './LineEditor';
import { lineProblems } from './lines';
import { valuesOf, type OrderDraft, type OrderValues } from './orderDraft';
import { MARKDOWN_HINT } from '@/lib/markdown';
import { useT } from '@/lib/i18n/hooks';

export function OrderForm({
  initial,
  clientLocked,
  currency,
  locale,
  digits,
  submitLabel,
  cancelTo,
  busy,
  error,
  onSubmit,
}: {
  initial: OrderDraft;
  /** The client of an existing order cannot change. */
  clientLocked?: boolean;
  currency: string;
  locale: string;
  digits: number;
  submitLabel: string;
  cancelTo: string;
  busy: boolean;
  error: unknown;
  onSubmit: (values: OrderValues) => void;
}) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const set = <K extends keyof OrderDraft>(key: K, value: OrderDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const problem = error instanceof ApiProblem ? error : null;
  const problems = checked ? lineProblems(draft.lines, digits) : {};
  const values = valuesOf(draft, digits);
  const missing: Record<string, string | undefined> = checked
    ? {
        client_id: draft.client ? undefined : t('consoleOrders.missingClient'),
        title: values.title ? undefined : t('consoleOrders.missingTitle'),
        lines: values.lines.length ? undefined : t('consoleOrders.missingLines'),
      }
    : {};
  const errorOf = (field: string) => missing[field] ?? problem?.fieldError(field);

  // Takes the person to the first field the server refused.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    const invalid = Object.keys(lineProblems(draft.lines, digits)).length > 0;
    if (!draft.client || !values.title || values.lines.length === 0 || invalid) {
      setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSubmit(values);
  };

  return (
    <Card>
      <form ref={form} onSubmit={submit} noValidate className="space-y-5">
        {error != null && <Alert tone="error">{messageOf(error)}</Alert>}
        {clientLocked && draft.client ? (
          <div>
            <p className="text-sm font-medium text-slate-800">{t('consoleOrders.client')}</p>
            <p className="mt-1 font-medium text-slate-900">{draft.client.name}</p>
          </div>
        ) : (
          <ClientPicker
            value={draft.client}
            onChange={(c) => set('client', c)}
            error={errorOf('client_id')}
          />
        )}
        <TextField
          label={t('consoleOrders.orderTitle')}
          required
          value={draft.title}
          error={errorOf('title')}
          hint={t('consoleOrders.titleHint')}
          onChange={(e) => set('title', e.target.value)}
        />
        <TextArea
          label={t('consoleOrders.description')}
          value={draft.description}
          error={errorOf('description')}
          hint={t('consoleOrders.descriptionHint', { markdown: MARKDOWN_HINT })}
          onChange={(e) => set('description', e.target.value)}
        />
        <LineEditor
          lines={draft.lines}
          onChange={(lines) => set('lines', lines)}
          currency={currency}
          locale={locale}
          digits={digits}
          problems={problems}
          serverErrors={(i, f) =>
            problem?.fieldError(`lines[${i}].${f}`) ?? problem?.fieldError(`lines.${i}.${f}`)
          }
        />
        {errorOf('lines') && <p className="text-sm font-medium text-red-700">{errorOf('lines')}</p>}
        <div className="sm:w-64">
          <TextField
            label={t('consoleOrders.estimatedCompletion')}
            type="date"
            value={draft.due}
            error={errorOf('estimated_completion')}
            hint={t('consoleOrders.estimatedCompletionHint')}
            onChange={(e) => set('due', e.target.value)}
          />
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" busy={busy}>
            {submitLabel}
          </Button>
          <Link
            to={cancelTo}
            className="inline-flex min-h-10 items-center rounded-lg px-4 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-100"
          >
            {t('consoleOrders.cancel')}
          </Link>
        </div>
      </form>
    </Card>
  );
}
