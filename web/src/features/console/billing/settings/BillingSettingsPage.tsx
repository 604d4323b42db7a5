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
import { useT } from '@/lib/i18n/hooks';
import { Rich } from '@/lib/i18n/Rich';

/** `/app/settings/billing`: numbering, terms and the details printed on documents; payment providers. */
export function BillingSettingsPage() {
  const t = useT();
  const me = useConsoleMe();
  const settings = useBillingSettings();
  const header = (
    <PageHeader
      title={t('consoleBillingSettings.title')}
      description={t('consoleBillingSettings.description')}
    />
  );
  if (me.data && !isAdmin(me.data)) {
    return (
      <div className="max-w-2xl">
        {header}
        <Alert tone="info">{t('consoleBillingSettings.adminsOnly')}</Alert>
      </div>
    );
  }
  if (settings.isPending) return <Loading label={t('consoleBillingSettings.loading')} />;
  if (settings.isError) {
    return (
      <div>
        {header}
        <ErrorState
          title={t('consoleBillingSettings.loadFailed')}
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
            {t('consoleBillingSettings.online.title')}
          </h2>
          <p className="text-sm text-slate-600">{t('consoleBillingSettings.online.description')}</p>
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
/** The server's prefixes when none is set (codes printed in document numbers, not words). */
const QUOTE_PREFIX = 'Q';
const INVOICE_PREFIX = 'INV';

function SettingsForm({ settings }: { settings: BillingSettings }) {
  const t = useT();
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
      toast(t('consoleBillingSettings.savedToast'));
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const prefixHelp = t('consoleBillingSettings.prefixInvalid');
  const local: Partial<Record<keyof Fields, string>> = checked
    ? {
        quote_prefix: PREFIX.test(draft.quote_prefix.trim()) ? undefined : prefixHelp,
        invoice_prefix: PREFIX.test(draft.invoice_prefix.trim()) ? undefined : prefixHelp,
        quote_valid_days: DAYS.test(draft.quote_valid_days.trim())
          ? undefined
          : t('consoleBillingSettings.validDaysInvalid'),
        payment_terms_days: DAYS.test(draft.payment_terms_days.trim())
          ? undefined
          : t('consoleBillingSettings.termsDaysInvalid'),
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
      toast(t('consoleBillingSettings.nothingChanged'));
      return;
    }
    save.mutate(body);
  };

  return (
    <form ref={form} onSubmit={submit} noValidate className="space-y-6">
      {save.isError && <Alert tone="error">{messageOf(save.error)}</Alert>}
      <Card title={t('consoleBillingSettings.numbers.title')}>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label={t('consoleBillingSettings.numbers.quotePrefix')}
            value={draft.quote_prefix}
            error={errorOf('quote_prefix')}
            hint={t('consoleBillingSettings.numbers.quotePrefixHint', {
              prefix: draft.quote_prefix.trim() || QUOTE_PREFIX,
              year: String(new Date().getFullYear()),
            })}
            onChange={(e) => set('quote_prefix', e.target.value.toUpperCase())}
          />
          <TextField
            label={t('consoleBillingSettings.numbers.invoicePrefix')}
            value={draft.invoice_prefix}
            error={errorOf('invoice_prefix')}
            hint={t('consoleBillingSettings.numbers.invoicePrefixHint', {
              prefix: draft.invoice_prefix.trim() || INVOICE_PREFIX,
              year: String(new Date().getFullYear()),
            })}
            onChange={(e) => set('invoice_prefix', e.target.value.toUpperCase())}
          />
          <TextField
            label={t('consoleBillingSettings.numbers.validDays')}
            inputMode="numeric"
            value={draft.quote_valid_days}
            error={errorOf('quote_valid_days')}
            hint={t('consoleBillingSettings.numbers.validDaysHint')}
            onChange={(e) => set('quote_valid_days', e.target.value)}
          />
          <TextField
            label={t('consoleBillingSettings.numbers.termsDays')}
            inputMode="numeric"
            value={draft.payment_terms_days}
            error={errorOf('payment_terms_days')}
            hint={t('consoleBillingSettings.numbers.termsDaysHint')}
            onChange={(e) => set('payment_terms_days', e.target.value)}
          />
        </div>
        <p className="mt-5 text-sm text-slate-700">
          <Rich
            text={t('consoleBillingSettings.numbers.currency', { currency: tenant.data?.currency ?? '…' })}
            tags={{
              b: (chunk) => <span className="font-semibold">{chunk}</span>,
              link: (chunk) => (
                <Link to="/app/settings/branding" className="font-medium underline underline-offset-2">
                  {chunk}
                </Link>
              ),
            }}
          />
        </p>
      </Card>
      <Card title={t('consoleBillingSettings.details.title')}>
        <TextArea
          label={t('consoleBillingSettings.details.label')}
          value={draft.billing_details}
          rows={5}
          error={errorOf('billing_details')}
          hint={t('consoleBillingSettings.details.hint')}
          onChange={(e) => set('billing_details', e.target.value)}
        />
      </Card>
      <Button type="submit" busy={save.isPending}>
        {t('consoleBillingSettings.save')}
      </Button>
    </form>
  );
}
