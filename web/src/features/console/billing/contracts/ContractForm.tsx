import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { ClientPicker, type PickedClient } from '@/components/ClientPicker';
import { MarkdownView } from '@/components/Markdown';
import { Alert, Button, Card, TextArea, TextField } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';

export interface ContractDraft {
  client: PickedClient | null;
  title: string;
  body: string;
  countersign: boolean;
}

/** What a "start from a template" part of the form sees of it, and how it fills it in. */
export interface ContractStartContext {
  client: PickedClient | null;
  fill: (content: { title: string; body: string }) => void;
}

/** A contract's client, title, countersignature wish and text, with the text's rendered preview. */
export function ContractForm({
  initial,
  clientLocked,
  submitLabel,
  cancelTo,
  busy,
  error,
  onSubmit,
  startFrom,
}: {
  initial: ContractDraft;
  clientLocked?: boolean;
  submitLabel: string;
  cancelTo: string;
  busy: boolean;
  error: unknown;
  onSubmit: (draft: ContractDraft) => void;
  /** A part at the top that fills the form in (from a template). */
  startFrom?: (context: ContractStartContext) => ReactNode;
}) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const countersignId = useId();
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const set = <K extends keyof ContractDraft>(key: K, value: ContractDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const problem = error instanceof ApiProblem ? error : null;
  const missing: Record<string, string | undefined> = checked
    ? {
        client_id: draft.client ? undefined : t('consoleBilling.form.clientMissing'),
        title: draft.title.trim() ? undefined : t('consoleBillingContracts.form.titleMissing'),
        body: draft.body.trim() ? undefined : t('consoleBillingContracts.form.bodyMissing'),
      }
    : {};
  const errorOf = (field: string) => missing[field] ?? problem?.fieldError(field);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (!draft.client || !draft.title.trim() || !draft.body.trim()) {
      setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSubmit({ ...draft, title: draft.title.trim() });
  };

  return (
    <form ref={form} onSubmit={submit} noValidate className="space-y-6">
      {error != null && <Alert tone="error">{messageOf(error)}</Alert>}
      <Card>
        <div className="space-y-5">
          {startFrom?.({
            client: draft.client,
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
              onChange={(c) => set('client', c)}
              error={errorOf('client_id')}
            />
          )}
          <TextField
            label={t('consoleBilling.form.title')}
            required
            value={draft.title}
            error={errorOf('title')}
            hint={t('consoleBillingContracts.form.titleHint')}
            onChange={(e) => set('title', e.target.value)}
          />
          <div className="flex items-start gap-3">
            <input
              id={countersignId}
              type="checkbox"
              checked={draft.countersign}
              onChange={(e) => set('countersign', e.target.checked)}
              className="mt-1 h-4 w-4"
            />
            <label htmlFor={countersignId} className="text-sm text-slate-800">
              <span className="font-medium">{t('consoleBillingContracts.form.countersign')}</span>
              <span className="block text-slate-600">
                {t('consoleBillingContracts.form.countersignHint')}
              </span>
            </label>
          </div>
        </div>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('consoleBillingContracts.form.text')}>
          <TextArea
            label={t('consoleBillingContracts.form.body')}
            value={draft.body}
            rows={18}
            error={errorOf('body')}
            hint={t('consoleBillingContracts.form.bodyHint')}
            onChange={(e) => set('body', e.target.value)}
          />
        </Card>
        <Card title={t('consoleBillingContracts.form.preview')}>
          {draft.body.trim() ? (
            <MarkdownView
              text={draft.body}
              label={t('consoleBillingContracts.form.previewLabel')}
              testId="contract-preview"
            />
          ) : (
            <p className="text-sm text-slate-600">{t('consoleBillingContracts.form.previewEmpty')}</p>
          )}
        </Card>
      </div>
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
  );
}
