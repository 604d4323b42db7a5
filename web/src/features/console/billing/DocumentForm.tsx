import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { ClientPicker, type PickedClient } from '@/components/ClientPicker';
import { Alert, Button, Card, TextArea, TextField } from '@/components/ui';
import { CURRENCIES, digitsOf, valuesOf, type DocumentDraft, type DocumentValues } from './documentDraft';
import { LineEditor } from '@/components/money/LineEditor';
import { lineProblems, sentIndexes, type LineDraft } from '@/components/money/lines';
import { ForProjectField } from './quotes/ForProjectField';
import { labelClass, select } from '@/components/styles';
import { useT } from '@/lib/i18n/hooks';

/** The sentences that name the kind of document. */
const DOCUMENT_KEYS = {
  quote: {
    titleMissing: 'consoleBilling.form.quoteTitleMissing',
    currencyLocked: 'consoleBilling.form.quoteCurrencyLocked',
    notesHint: 'consoleBilling.form.quoteNotesHint',
  },
  invoice: {
    titleMissing: 'consoleBilling.form.invoiceTitleMissing',
    currencyLocked: 'consoleBilling.form.invoiceCurrencyLocked',
    notesHint: 'consoleBilling.form.invoiceNotesHint',
  },
} as const;

export interface DateField {
  /** The API's name for it, e.g. `valid_until`. */
  name: string;
  label: string;
  hint?: string;
}

/** What a "start from a template" part of the form sees of it, and how it fills it in. */
export interface StartFromContext {
  client: PickedClient | null;
  /** The project the quote is for, or ''. */
  project: string;
  currency: string;
  fill: (content: { title: string; notes: string; lines: LineDraft[] }) => void;
}

/**
 * The form of a quote or an invoice: who it is for, what it is called, its currency and dates,
 * its lines (with a live preview of the totals) and notes.
 */
export function DocumentForm({
  what,
  initial,
  clientLocked,
  currencyLocked,
  locale,
  dateFields,
  submitLabel,
  cancelTo,
  busy,
  error,
  onSubmit,
  startFrom,
  forProject,
}: {
  /** Which document it is, for the messages. */
  what: keyof typeof DOCUMENT_KEYS;
  initial: DocumentDraft;
  /** The client of an existing document cannot change. */
  clientLocked?: boolean;
  /** A quote's currency is set when it is created. */
  currencyLocked?: boolean;
  locale: string;
  dateFields: DateField[];
  submitLabel: string;
  cancelTo: string;
  busy: boolean;
  error: unknown;
  onSubmit: (values: DocumentValues) => void;
  /** A part at the top that fills the form in (from a template). */
  startFrom?: (context: StartFromContext) => ReactNode;
  /** Offers the client's running projects the quote can be for. */
  forProject?: boolean;
}) {
  const t = useT();
  const keys = DOCUMENT_KEYS[what];
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const set = <K extends keyof DocumentDraft>(key: K, value: DocumentDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const digits = digitsOf(draft.currency, locale);
  const problem = error instanceof ApiProblem ? error : null;
  const problems = checked ? lineProblems(draft.lines, digits) : {};
  const values = valuesOf(draft, locale);
  const missing: Record<string, string | undefined> = checked
    ? {
        client_id: draft.client ? undefined : t('consoleBilling.form.clientMissing'),
        title: values.title ? undefined : t(keys.titleMissing),
        lines: values.lines.length ? undefined : t('consoleBilling.form.linesMissing'),
      }
    : {};
  const errorOf = (field: string) => missing[field] ?? problem?.fieldError(field);
  const currencies = [...new Set([initial.currency, ...CURRENCIES])];
  const sent = sentIndexes(draft.lines);

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
        {startFrom?.({
          client: draft.client,
          project: draft.project ?? '',
          currency: draft.currency,
          fill: (content) => setDraft((d) => ({ ...d, ...content })),
        })}
        {clientLocked && draft.client ? (
          <div>
            <p className="text-sm font-medium text-slate-800">{t('consoleBilling.form.client')}</p>
            <p className="mt-1 font-medium text-slate-900">{draft.client.name}</p>
          </div>
        ) : (
          <ClientPicker
            value={draft.client}
            // Another client's projects are not theirs: the choice starts again.
            onChange={(c) => setDraft((d) => ({ ...d, client: c, project: '' }))}
            error={errorOf('client_id')}
          />
        )}
        {forProject && (
          <ForProjectField
            clientId={draft.client?.id}
            value={draft.project ?? ''}
            onChange={(project) => set('project', project)}
            error={errorOf('project_id')}
          />
        )}
        <TextField
          label={t('consoleBilling.form.title')}
          required
          value={draft.title}
          error={errorOf('title')}
          hint={t('consoleBilling.form.titleHint')}
          onChange={(e) => set('title', e.target.value)}
        />
        <div className="grid gap-5 sm:grid-cols-3">
          <div className="space-y-1.5">
            <label htmlFor="document-currency" className={labelClass}>
              {t('consoleBilling.form.currency')}
            </label>
            <select
              id="document-currency"
              value={draft.currency}
              disabled={currencyLocked}
              aria-invalid={errorOf('currency') ? true : undefined}
              aria-describedby={errorOf('currency') ? 'document-currency-error' : undefined}
              onChange={(e) => set('currency', e.target.value)}
              className={select}
            >
              {currencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            {errorOf('currency') ? (
              <p id="document-currency-error" className="text-sm font-medium text-red-700">
                {errorOf('currency')}
              </p>
            ) : (
              currencyLocked && <p className="text-sm text-slate-600">{t(keys.currencyLocked)}</p>
            )}
          </div>
          {dateFields.map((f) => (
            <TextField
              key={f.name}
              label={f.label}
              type="date"
              value={draft.dates[f.name] ?? ''}
              error={errorOf(f.name)}
              hint={f.hint}
              onChange={(e) => set('dates', { ...draft.dates, [f.name]: e.target.value })}
            />
          ))}
        </div>
        <LineEditor
          lines={draft.lines}
          onChange={(lines) => set('lines', lines)}
          currency={draft.currency}
          locale={locale}
          digits={digits}
          problems={problems}
          serverErrors={(i, f) => {
            // The server counts the lines it was sent, without the blank ones.
            const n = sent[i] ?? -1;
            if (n < 0) return undefined;
            return problem?.fieldError(`lines[${n}].${f}`) ?? problem?.fieldError(`lines.${n}.${f}`);
          }}
        />
        {errorOf('lines') && <p className="text-sm font-medium text-red-700">{errorOf('lines')}</p>}
        <TextArea
          label={t('consoleBilling.form.notes')}
          value={draft.notes}
          error={errorOf('notes')}
          hint={t(keys.notesHint)}
          onChange={(e) => set('notes', e.target.value)}
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" busy={busy}>
            {submitLabel}
          </Button>
          <Link
            to={cancelTo}
            className="inline-flex min-h-10 items-center rounded-lg px-4 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-100"
          >
            {t('consoleBilling.form.cancel')}
          </Link>
        </div>
      </form>
    </Card>
  );
}
