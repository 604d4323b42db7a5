import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, TextArea, TextField } from '@/components/ui';
import type { ClientDraft } from './clientDraft';

const STATUSES = [
  { value: 'lead', label: 'Lead', hint: 'Someone you are talking to who has not hired you yet.' },
  { value: 'active', label: 'Active', hint: 'Someone you work for now.' },
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
            label="Name"
            name="name"
            required
            autoComplete="off"
            value={draft.name}
            error={problem?.fieldError('name')}
            onChange={(e) => set('name', e.target.value)}
          />
          <TextField
            label="Email"
            name="email"
            type="email"
            required
            autoComplete="off"
            value={draft.email}
            error={problem?.fieldError('email')}
            hint="Their login for the portal, and where invitations go."
            onChange={(e) => set('email', e.target.value)}
          />
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label="Phone"
              name="phone"
              type="tel"
              autoComplete="off"
              value={draft.phone}
              error={problem?.fieldError('phone')}
              hint="Optional."
              onChange={(e) => set('phone', e.target.value)}
            />
            <TextField
              label="Company"
              name="company"
              autoComplete="off"
              value={draft.company}
              error={problem?.fieldError('company')}
              hint="Optional."
              onChange={(e) => set('company', e.target.value)}
            />
          </div>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextArea
              label="Billing address"
              name="billing_address"
              rows={3}
              value={draft.billing_address}
              error={problem?.fieldError('billing_address')}
              hint="Optional. Printed on quotes and invoices, up to 8 lines."
              onChange={(e) => set('billing_address', e.target.value)}
            />
            <TextField
              label="VAT / tax ID"
              name="tax_id"
              autoComplete="off"
              value={draft.tax_id}
              error={problem?.fieldError('tax_id')}
              hint="Optional. EU invoices to businesses need it."
              onChange={(e) => set('tax_id', e.target.value)}
            />
          </div>
          <TextArea
            label="Internal notes"
            name="notes"
            value={draft.notes}
            error={problem?.fieldError('notes')}
            hint="Only your team sees these. They are never shown to the client."
            onChange={(e) => set('notes', e.target.value)}
          />
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">Status</legend>
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
                  <span className="block font-medium text-slate-900">{s.label}</span>
                  <span className="block text-sm text-slate-600">{s.hint}</span>
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
              <span className="block font-medium text-slate-900">Portal access</span>
              <span className="block text-sm text-slate-600">
                May log in to your client portal. They get in once you send an invitation from their page.
              </span>
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
              <span className="block font-medium text-slate-900">Notice emails</span>
              <span className="block text-sm text-slate-600">
                Emails about new quotes, messages, order and appointment changes. Clients can turn them off in
                their profile; login codes, invoices and receipts are always sent.
              </span>
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
            Cancel
          </Link>
        </div>
      </form>
    </Card>
  );
}
