import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import {
  Alert,
  Button,
  Card,
  ErrorState,
  Loading,
  PageHeader,
  TextArea,
  TextField,
  useToast,
} from '@/components/ui';
import {
  isAdmin,
  updateBillingSettings,
  useBillingSettings,
  useConsoleMe,
  useSaved,
  useTenant,
  type BillingSettings,
  type UpdateBillingSettings,
} from '../api';
import { PaymentEvents } from './PaymentEvents';
import { ProviderCard } from './ProviderCard';

/** `/app/settings/billing`: numbering, terms and the details printed on documents; payment providers. */
export function BillingSettingsPage() {
  const me = useConsoleMe();
  const settings = useBillingSettings();
  const header = (
    <PageHeader
      title="Billing"
      description="How quotes and invoices are numbered and dated, what they print, and how clients pay online."
    />
  );
  if (me.data && !isAdmin(me.data)) {
    return (
      <div className="max-w-2xl">
        {header}
        <Alert tone="info">
          Only owners and admins can change the billing settings. Ask one of them if something needs to
          change.
        </Alert>
      </div>
    );
  }
  if (settings.isPending) return <Loading label="Loading the billing settings…" />;
  if (settings.isError) {
    return (
      <div>
        {header}
        <ErrorState
          title="The billing settings could not be loaded"
          message={messageOf(settings.error)}
          onRetry={() => void settings.refetch()}
        />
      </div>
    );
  }
  return (
    <div className="max-w-4xl space-y-6">
      {header}
      <SettingsForm key={JSON.stringify(settingsFields(settings.data))} settings={settings.data} />
      <section aria-labelledby="providers-heading" className="space-y-4">
        <div>
          <h2 id="providers-heading" className="text-lg font-semibold text-slate-900">
            Online payments
          </h2>
          <p className="text-sm text-slate-600">
            With a provider set up and switched on, clients see “Pay now” on their invoices. Keys are stored
            encrypted and never shown again — only their last four characters.
          </p>
        </div>
        {settings.data.providers.map((p) => (
          <ProviderCard key={`${p.provider}-${p.key_hint ?? ''}-${p.enabled}`} provider={p} />
        ))}
      </section>
      <PaymentEvents />
    </div>
  );
}

interface Fields {
  quote_prefix: string;
  invoice_prefix: string;
  quote_valid_days: string;
  payment_terms_days: string;
  billing_details: string;
}

function settingsFields(s: BillingSettings): Fields {
  return {
    quote_prefix: s.quote_prefix,
    invoice_prefix: s.invoice_prefix,
    quote_valid_days: String(s.quote_valid_days),
    payment_terms_days: String(s.payment_terms_days),
    billing_details: s.billing_details ?? '',
  };
}

const DAYS = /^\d{1,3}$/;
const PREFIX = /^[A-Z0-9-]{1,10}$/;
const PREFIX_HELP = 'Up to 10 capital letters, digits and dashes, such as INV.';

function SettingsForm({ settings }: { settings: BillingSettings }) {
  const tenant = useTenant();
  const toast = useToast();
  const saved = useSaved();
  const form = useRef<HTMLFormElement>(null);
  const [initial] = useState(() => settingsFields(settings));
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const set = (key: keyof Fields, value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const save = useMutation({
    mutationFn: (body: UpdateBillingSettings) => updateBillingSettings(body),
    onSuccess: (updated) => {
      saved.settings(updated);
      toast('Billing settings saved');
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const local: Partial<Record<keyof Fields, string>> = checked
    ? {
        quote_prefix: PREFIX.test(draft.quote_prefix.trim()) ? undefined : PREFIX_HELP,
        invoice_prefix: PREFIX.test(draft.invoice_prefix.trim()) ? undefined : PREFIX_HELP,
        quote_valid_days: DAYS.test(draft.quote_valid_days.trim())
          ? undefined
          : 'A number of days, such as 30.',
        payment_terms_days: DAYS.test(draft.payment_terms_days.trim())
          ? undefined
          : 'A number of days, such as 14 (0 is due on receipt).',
      }
    : {};
  const errorOf = (field: keyof Fields) => local[field] ?? problem?.fieldError(field);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save.error]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    const bad =
      !PREFIX.test(draft.quote_prefix.trim()) ||
      !PREFIX.test(draft.invoice_prefix.trim()) ||
      !DAYS.test(draft.quote_valid_days.trim()) ||
      !DAYS.test(draft.payment_terms_days.trim());
    if (bad) {
      setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const body: UpdateBillingSettings = {};
    if (draft.quote_prefix.trim() !== initial.quote_prefix) body.quote_prefix = draft.quote_prefix.trim();
    if (draft.invoice_prefix.trim() !== initial.invoice_prefix)
      body.invoice_prefix = draft.invoice_prefix.trim();
    if (draft.quote_valid_days.trim() !== initial.quote_valid_days)
      body.quote_valid_days = Number(draft.quote_valid_days);
    if (draft.payment_terms_days.trim() !== initial.payment_terms_days)
      body.payment_terms_days = Number(draft.payment_terms_days);
    if (draft.billing_details.trim() !== initial.billing_details.trim())
      body.billing_details = draft.billing_details.trim() || null;
    if (Object.keys(body).length === 0) {
      toast('Nothing to save: no setting changed');
      return;
    }
    save.mutate(body);
  };

  return (
    <form ref={form} onSubmit={submit} noValidate className="space-y-6">
      {save.isError && <Alert tone="error">{messageOf(save.error)}</Alert>}
      <Card title="Numbers and terms">
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="Quote number prefix"
            value={draft.quote_prefix}
            error={errorOf('quote_prefix')}
            hint={`New quotes are numbered ${draft.quote_prefix.trim() || 'Q'}-${new Date().getFullYear()}-0001, -0002…`}
            onChange={(e) => set('quote_prefix', e.target.value.toUpperCase())}
          />
          <TextField
            label="Invoice number prefix"
            value={draft.invoice_prefix}
            error={errorOf('invoice_prefix')}
            hint={`New invoices are numbered ${draft.invoice_prefix.trim() || 'INV'}-${new Date().getFullYear()}-0001…`}
            onChange={(e) => set('invoice_prefix', e.target.value.toUpperCase())}
          />
          <TextField
            label="Quotes stay valid for (days)"
            inputMode="numeric"
            value={draft.quote_valid_days}
            error={errorOf('quote_valid_days')}
            hint="The default “valid until” of a new quote."
            onChange={(e) => set('quote_valid_days', e.target.value)}
          />
          <TextField
            label="Payment terms (days)"
            inputMode="numeric"
            value={draft.payment_terms_days}
            error={errorOf('payment_terms_days')}
            hint="The default due date of a new invoice, counted from its issue date."
            onChange={(e) => set('payment_terms_days', e.target.value)}
          />
        </div>
        <p className="mt-5 text-sm text-slate-700">
          Default currency: <span className="font-semibold">{tenant.data?.currency ?? '…'}</span> — set with
          your region under{' '}
          <Link to="/app/settings/branding" className="font-medium underline underline-offset-2">
            Branding
          </Link>
          . Each quote or invoice can use another.
        </p>
      </Card>
      <Card title="Printed on every quote and invoice">
        <TextArea
          label="Billing details"
          value={draft.billing_details}
          rows={5}
          error={errorOf('billing_details')}
          hint="Your address, tax number and bank details (IBAN), as clients should read them."
          onChange={(e) => set('billing_details', e.target.value)}
        />
      </Card>
      <Button type="submit" busy={save.isPending}>
        Save billing settings
      </Button>
    </form>
  );
}
