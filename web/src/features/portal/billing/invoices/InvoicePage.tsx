import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { BillTo } from '@/components/money/BillTo';
import { MarkdownView } from '@/components/Markdown';
import { Alert, Button, Card } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { useReadOnly } from '@/lib/read-only';
import { payInvoice, useMoneyChanged, usePortalInvoice, type PayProvider, type PortalInvoice } from '../api';
import { DocumentFrame } from '../DocumentFrame';
import { LinesTable } from '../LinesTable';
import { openUrl } from '@/lib/navigate';
import { PdfButton } from '../PdfButton';
import { InvoiceStatus } from '@/components/money/status';

/** How long to wait for the provider's confirmation after a checkout before saying it is slow. */
export const PAYMENT_WAIT_MS = 60_000;

/** Brand names, the same in every language. */
const providers: Record<PayProvider, string> = { stripe: 'Stripe', paystack: 'Paystack' };

const METHOD_KEYS: Record<string, string> = {
  bank_transfer: 'portalBillingInvoices.methodBankTransfer',
  cash: 'portalBillingInvoices.methodCash',
  card: 'portalBillingInvoices.methodCard',
  other: 'portalBillingInvoices.methodOther',
  stripe: 'portalBillingInvoices.methodStripe',
  paystack: 'portalBillingInvoices.methodPaystack',
};

/**
 * `/invoices/:id`: lines, payments and what is due, with "Pay now" when the business takes
 * payments online. `?paid=1` is where the provider's checkout returns: the payment is
 * confirmed to the server by webhook, so the page says it is on its way and asks again every
 * 2 s (for up to a minute) until the invoice reads paid.
 */
export function InvoicePage() {
  const { id = '' } = useParams();
  const { slug, base } = usePortal();
  const [params] = useSearchParams();
  const returned = params.get('paid') === '1';
  const [waiting, setWaiting] = useState(returned);
  useEffect(() => {
    if (!returned) return;
    const timer = setTimeout(() => setWaiting(false), PAYMENT_WAIT_MS);
    return () => clearTimeout(timer);
  }, [returned]);
  const invoice = usePortalInvoice(slug, id, waiting);
  const t = useT();
  return (
    <DocumentFrame
      back={`${base}/invoices`}
      backLabel={t('portalBillingInvoices.back')}
      query={invoice}
      what="invoice"
    >
      {() => <Invoice invoice={invoice.data!} returned={returned} waiting={waiting} />}
    </DocumentFrame>
  );
}

function Invoice({
  invoice: i,
  returned,
  waiting,
}: {
  invoice: PortalInvoice;
  returned: boolean;
  waiting: boolean;
}) {
  const t = useT();
  const { slug, branding } = usePortal();
  const format = usePortalFormat();
  const readOnly = useReadOnly();
  const changed = useMoneyChanged(slug);
  const money = (minor: number) => format.money(minor, i.currency);
  const paid = i.status === 'paid';

  // Once the payment shows, the lists and the dashboard's amounts are out of date.
  useEffect(() => {
    if (returned && paid) changed('invoices');
    // Only when the status flips, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [returned, paid]);

  return (
    <>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm text-slate-600">{i.number}</p>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{i.title}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-700">
            <InvoiceStatus status={i.status} overdue={i.overdue} />
            <span>{t('portalBillingInvoices.issued', { date: format.day(i.issue_date) })}</span>
            {i.status !== 'void' && (
              <span>{t('portalBillingInvoices.due', { date: format.day(i.due_date) })}</span>
            )}
          </div>
        </div>
        <PdfButton of={{ kind: 'invoice', id: i.id }} filename={`${i.number}.pdf`} />
      </header>

      {returned &&
        (paid ? (
          <Alert tone="success">{t('portalBillingInvoices.paymentDone')}</Alert>
        ) : waiting ? (
          <Alert tone="info">{t('portalBillingInvoices.paymentOnItsWay')}</Alert>
        ) : (
          <Alert tone="warning">{t('portalBillingInvoices.paymentSlow', { business: branding.name })}</Alert>
        ))}
      {i.status === 'void' && (
        <Alert tone="info">
          {i.voided_at
            ? t('portalBillingInvoices.voidedOn', {
                business: branding.name,
                date: format.dateTime(i.voided_at),
              })
            : t('portalBillingInvoices.voided', { business: branding.name })}
        </Alert>
      )}

      {i.status !== 'void' && (
        <Card>
          <div className="flex flex-wrap items-end justify-between gap-4">
            <div>
              <p className="text-sm text-slate-600">
                {paid ? t('portalBillingInvoices.paidInFull') : t('portalBillingInvoices.amountDue')}
              </p>
              <p className="text-3xl font-semibold text-slate-900" data-testid="amount-due">
                {paid ? money(i.totals.total_minor) : money(i.due_minor)}
              </p>
              <p className={`text-sm ${i.overdue ? 'font-semibold text-red-700' : 'text-slate-700'}`}>
                {paid
                  ? i.paid_at && t('portalBillingInvoices.paidOn', { date: format.dateTime(i.paid_at) })
                  : i.overdue
                    ? t('portalBillingInvoices.wasDue', { date: format.day(i.due_date) })
                    : t('portalBillingInvoices.due', { date: format.day(i.due_date) })}
              </p>
            </div>
            {!paid && i.due_minor > 0 && <PayButtons invoice={i} readOnly={readOnly} />}
          </div>
        </Card>
      )}

      <Card title={t('portalBillingInvoices.lines')}>
        <LinesTable lines={i.lines} totals={i.totals} currency={i.currency} />
      </Card>

      <Card>
        <BillTo addressee={i.client} draft={false} audience="client" />
      </Card>

      <Card title={t('portalBillingInvoices.payments')}>
        {i.payments.length === 0 ? (
          <p className="text-sm text-slate-600">{t('portalBillingInvoices.noPayment')}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {i.payments.map((p) => (
              <li key={p.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                <span>
                  <span className="text-slate-900">{format.dateTime(p.received_at)}</span>
                  <span className="text-slate-600">
                    {' '}
                    · {METHOD_KEYS[p.method] ? t(METHOD_KEYS[p.method]!) : p.method}
                    {p.reference && ` · ${p.reference}`}
                  </span>
                </span>
                <span className="font-medium text-slate-900">{format.money(p.amount_minor, p.currency)}</span>
              </li>
            ))}
          </ul>
        )}
        <dl className="mt-3 space-y-1 border-t border-slate-200 pt-3 text-sm">
          <div className="flex justify-between gap-4">
            <dt className="text-slate-600">{t('portalBillingInvoices.paidSoFar')}</dt>
            <dd className="text-slate-900">{money(i.paid_minor)}</dd>
          </div>
          <div className="flex justify-between gap-4 font-semibold">
            <dt className="text-slate-900">{t('portalBillingInvoices.amountDue')}</dt>
            <dd className="text-slate-900">{money(i.due_minor)}</dd>
          </div>
        </dl>
      </Card>

      {i.notes && (
        <Card title={t('portalBillingInvoices.notes')}>
          <MarkdownView text={i.notes} />
        </Card>
      )}
    </>
  );
}

function PayButtons({ invoice: i, readOnly }: { invoice: PortalInvoice; readOnly: boolean }) {
  const t = useT();
  const { branding } = usePortal();
  const format = usePortalFormat();
  const [busy, setBusy] = useState<PayProvider | null>(null);
  const [error, setError] = useState<string | null>(null);
  const payWith = i.pay_with as PayProvider[];

  if (payWith.length === 0) {
    return (
      <p className="max-w-xs text-sm text-slate-700">
        {t('portalBillingInvoices.payOffline', { business: branding.name })}
      </p>
    );
  }
  if (readOnly) {
    return <p className="max-w-xs text-sm text-slate-600">{t('portalBillingInvoices.clientCanPay')}</p>;
  }

  const pay = async (provider: PayProvider) => {
    setBusy(provider);
    setError(null);
    try {
      const { checkout_url } = await payInvoice(i.id, provider);
      // The provider's page takes it from here and sends the browser back with ?paid=1.
      openUrl(checkout_url);
    } catch (err) {
      setError(messageOf(err));
      setBusy(null);
    }
  };

  return (
    <div className="space-y-2">
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-col gap-2 sm:flex-row">
        {payWith.map((provider) => (
          <Button
            key={provider}
            busy={busy === provider}
            disabled={busy !== null && busy !== provider}
            onClick={() => void pay(provider)}
          >
            {payWith.length === 1
              ? t('portalBillingInvoices.payNow')
              : t('portalBillingInvoices.payNowWith', { provider: providers[provider] })}
          </Button>
        ))}
      </div>
      <p className="text-xs text-slate-600">
        {t('portalBillingInvoices.payHint', {
          provider: new Intl.ListFormat(format.locale, { type: 'disjunction' }).format(
            payWith.map((p) => providers[p]),
          ),
        })}
      </p>
    </div>
  );
}
