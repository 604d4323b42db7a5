import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, SelectField, TextArea, TextField } from '@/components/ui';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '@/lib/i18n';
import { useT } from '@/lib/i18n/hooks';
import type { ClientDraft } from './clientDraft';

const STATUSES = [
  { value: 'lead', labelKey: 'consoleClients.status.lead', hintKey: 'consoleClients.statusHint.lead' },
  { value: 'active', labelKey: 'consoleClients.status.active', hintKey: 'consoleClients.statusHint.active' },
] as const;

export interface ClientFormProps {
  initial: ClientDraft;
  submitLabel: string;
  cancelTo: string;
  busy: boolean;
  error: unknown;
  /** Explains why the form cannot be saved (an archived client), and locks it. */
  locked?: string;
  onSubmit: (draft: ClientDraft) => void;
}

export function ClientForm({
  initial,
  submitLabel,
  cancelTo,
  busy,
  error,
  locked,
  onSubmit,
}: ClientFormProps) {
  const t = useT();
  const [draft, setDraft] = useState(initial);
  const form = useRef<HTMLFormElement>(null);
  const problem = error instanceof ApiProblem ? error : null;
  const set = <K extends keyof ClientDraft>(key: K, value: ClientDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  // Takes the person to the first field the server refused, instead of leaving them to hunt.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(draft);
  };

  return (
    <Card>
      <form ref={form} onSubmit={submit} noValidate className="space-y-5">
        {locked && <Alert tone="warning">{locked}</Alert>}
        {error != null && <Alert tone="error">{messageOf(error)}</Alert>}
        <fieldset disabled={Boolean(locked)} className="space-y-5">
          <TextField
            label={t('consoleClients.field.name')}
            name="name"
            required
            autoComplete="off"
            value={draft.name}
            error={problem?.fieldError('name')}
            onChange={(e) => set('name', e.target.value)}
          />
          <TextField
            label={t('consoleClients.field.email')}
            name="email"
            type="email"
            required
            autoComplete="off"
            value={draft.email}
            error={problem?.fieldError('email')}
            hint={t('consoleClients.emailHint')}
            onChange={(e) => set('email', e.target.value)}
          />
          <SelectField
            label={t('consoleClients.field.language')}
            name="language"
            value={draft.language}
            hint={t('consoleClients.languageHint')}
            error={problem?.fieldError('language')}
            onChange={(e) => set('language', isLanguage(e.target.value) ? e.target.value : '')}
          >
            <option value="">{t('consoleClients.languageDefault')}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </SelectField>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label={t('consoleClients.field.phone')}
              name="phone"
              type="tel"
              autoComplete="off"
              value={draft.phone}
              error={problem?.fieldError('phone')}
              hint={t('consoleClients.optional')}
              onChange={(e) => set('phone', e.target.value)}
            />
            <TextField
              label={t('consoleClients.field.company')}
              name="company"
              autoComplete="off"
              value={draft.company}
              error={problem?.fieldError('company')}
              hint={t('consoleClients.optional')}
              onChange={(e) => set('company', e.target.value)}
            />
          </div>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextArea
              label={t('consoleClients.field.billingAddress')}
              name="billing_address"
              rows={3}
              value={draft.billing_address}
              error={problem?.fieldError('billing_address')}
              hint={t('consoleClients.billingAddressHint')}
              onChange={(e) => set('billing_address', e.target.value)}
            />
            <TextField
              label={t('consoleClients.field.taxId')}
              name="tax_id"
              autoComplete="off"
              value={draft.tax_id}
              error={problem?.fieldError('tax_id')}
              hint={t('consoleClients.taxIdHint')}
              onChange={(e) => set('tax_id', e.target.value)}
            />
          </div>
          <TextArea
            label={t('consoleClients.field.notes')}
            name="notes"
            value={draft.notes}
            error={problem?.fieldError('notes')}
            hint={t('consoleClients.notesHint')}
            onChange={(e) => set('notes', e.target.value)}
          />
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">{t('consoleClients.field.status')}</legend>
            {STATUSES.map((s) => (
              <label key={s.value} className="flex items-start gap-3 rounded-lg border border-slate-200 p-3">
                <input
                  type="radio"
                  name="status"
                  value={s.value}
                  checked={draft.status === s.value}
                  onChange={() => set('status', s.value)}
                  className="mt-1 h-4 w-4 shrink-0"
                />
                <span>
                  <span className="block font-medium text-slate-900">{t(s.labelKey)}</span>
                  <span className="block text-sm text-slate-600">{t(s.hintKey)}</span>
                </span>
              </label>
            ))}
            {problem?.fieldError('status') && (
              <p className="text-sm font-medium text-red-700">{problem.fieldError('status')}</p>
            )}
          </fieldset>
          <label className="flex items-start gap-3">
            <input
              type="checkbox"
              name="portal_enabled"
              checked={draft.portal_enabled}
              onChange={(e) => set('portal_enabled', e.target.checked)}
              className="mt-1 h-4 w-4 shrink-0"
            />
            <span>
              <span className="block font-medium text-slate-900">{t('consoleClients.portalAccess')}</span>
              <span className="block text-sm text-slate-600">{t('consoleClients.portalAccessHint')}</span>
            </span>
          </label>
          <label className="flex items-start gap-3">
            <input
              type="checkbox"
              name="notice_emails"
              checked={!draft.email_opt_out}
              onChange={(e) => set('email_opt_out', !e.target.checked)}
              className="mt-1 h-4 w-4 shrink-0"
            />
            <span>
              <span className="block font-medium text-slate-900">{t('consoleClients.noticeEmails')}</span>
              <span className="block text-sm text-slate-600">{t('consoleClients.noticeEmailsHint')}</span>
            </span>
          </label>
        </fieldset>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" busy={busy} disabled={Boolean(locked)}>
            {submitLabel}
          </Button>
          <Link
            to={cancelTo}
            className="inline-flex min-h-10 items-center rounded-lg px-4 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-100"
          >
            {t('consoleClients.cancel')}
          </Link>
        </div>
      </form>
    </Card>
  );
}
