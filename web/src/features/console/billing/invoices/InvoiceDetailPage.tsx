import { useMutation } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { MarkdownView } from '@/components/Markdown';
import { BillTo } from '@/components/money/BillTo';
import { LinesTable } from '@/components/money/LinesTable';
import { PdfButton } from '@/components/money/PdfButton';
import { InvoiceStatus } from '@/components/money/status';
import { Alert, Card, ConfirmButton, useToast } from '@/components/ui';
import { formatDay } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import {
  downloadPdf,
  sendInvoice,
  useFormatDate,
  useInvoice,
  useSaved,
  useTenant,
  voidInvoice,
  type Invoice,
} from '../api';
import { DetailFrame, Fact } from '../DetailParts';
import { secondaryLink } from '@/components/styles';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
import { Rich } from '@/lib/i18n/Rich';
import { methodLabel } from './methods';
import { RecordPaymentForm } from './RecordPaymentForm';

/** `/app/invoices/:id`: what is owed and paid, the payments, and the next step. */
export function InvoiceDetailPage() {
  const { id = '' } = useParams();
  const invoice = useInvoice(id);
  const t = useT();
  return (
    <DetailFrame
      back="/app/invoices"
      backLabel={t('consoleBillingInvoices.detail.back')}
      query={invoice}
      what="invoice"
    >
      {() => <InvoiceDetail invoice={invoice.data!} />}
    </DetailFrame>
  );
}

function InvoiceDetail({ invoice: i }: { invoice: Invoice }) {
  const t = useT();
  const tenant = useTenant();
  const format = useFormatDate();
  const locale = useFormatLocale(tenant.data?.locale);
  const timeZone = tenant.data?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const money = (minor: number) => formatMoney(minor, i.currency, locale);
  const day = (d: string) => formatDay(d, locale);
  const filename = `${i.number}.pdf`;
  const payable = i.status === 'sent' || i.status === 'partially_paid';

  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm font-semibold text-slate-600">{i.number}</p>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{i.title}</h1>
            <InvoiceStatus status={i.status} overdue={i.overdue} audience="staff" />
          </div>
          <p className="mt-1 text-slate-600">
            <Rich
              text={t('consoleBilling.forClient', { name: i.client.name })}
              tags={{
                link: (chunk) => (
                  <Link
                    to={`/app/clients/${i.client.id}`}
                    className="text-slate-900 underline underline-offset-2"
                  >
                    {chunk}
                  </Link>
                ),
              }}
            />
            {i.client.company && ` · ${i.client.company}`}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {i.status === 'draft' && (
            <Link to={`/app/invoices/${i.id}/edit`} className={secondaryLink}>
              {t('consoleBilling.edit')}
            </Link>
          )}
          <PdfButton download={() => downloadPdf.invoice(i.id, filename)} filename={filename} />
        </div>
      </div>

      {i.status === 'void' && (
        <div className="mb-6">
          <Alert tone="info">
            {i.voided_at
              ? t('consoleBillingInvoices.detail.voidSince', { date: format(i.voided_at) })
              : t('consoleBillingInvoices.detail.void')}
          </Alert>
        </div>
      )}
      {i.overdue && (
        <div className="mb-6">
          <Alert tone="error">
            {t('consoleBillingInvoices.detail.overdue', {
              amount: money(i.due_minor),
              date: day(i.due_date),
            })}
          </Alert>
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card>
            <dl className="grid gap-4 sm:grid-cols-3">
              <div>
                <dt className="text-sm text-slate-600">{t('consoleBillingInvoices.detail.total')}</dt>
                <dd className="text-xl font-semibold text-slate-900">{money(i.totals.total_minor)}</dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">{t('consoleBillingInvoices.detail.paid')}</dt>
                <dd className="text-xl font-semibold text-slate-900" data-testid="paid">
                  {money(i.paid_minor)}
                </dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">{t('consoleBillingInvoices.col.amountDue')}</dt>
                <dd
                  className={`text-xl font-semibold ${i.overdue ? 'text-red-700' : 'text-slate-900'}`}
                  data-testid="amount-due"
                >
                  {money(i.due_minor)}
                </dd>
              </div>
            </dl>
          </Card>
          <Card title={t('consoleBilling.card.lines')}>
            <LinesTable lines={i.lines} totals={i.totals} currency={i.currency} locale={locale} />
          </Card>
          <Card title={t('consoleBillingInvoices.detail.payments')}>
            {i.payments.length === 0 ? (
              <p className="text-sm text-slate-600">{t('consoleBillingInvoices.detail.noPayments')}</p>
            ) : (
              <table
                className="w-full text-left text-sm"
                aria-label={t('consoleBillingInvoices.detail.payments')}
              >
                <thead className="border-b border-slate-200 text-slate-700">
                  <tr>
                    <th scope="col" className="py-2 pr-3 font-semibold">
                      {t('consoleBillingInvoices.detail.received')}
                    </th>
                    <th scope="col" className="py-2 pr-3 font-semibold">
                      {t('consoleBillingInvoices.payment.method')}
                    </th>
                    <th scope="col" className="hidden py-2 pr-3 font-semibold sm:table-cell">
                      {t('consoleBillingInvoices.payment.reference')}
                    </th>
                    <th scope="col" className="py-2 text-right font-semibold">
                      {t('consoleBillingInvoices.detail.amount')}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {i.payments.map((p) => (
                    <tr key={p.id}>
                      <td className="py-2 pr-3 text-slate-900">{format(p.received_at)}</td>
                      <td className="py-2 pr-3 text-slate-800">
                        {methodLabel(p.method)}
                        {p.reference && (
                          <span className="block text-xs text-slate-600 sm:hidden">{p.reference}</span>
                        )}
                      </td>
                      <td className="hidden py-2 pr-3 text-slate-800 sm:table-cell">{p.reference ?? '—'}</td>
                      <td className="py-2 text-right font-medium whitespace-nowrap text-slate-900">
                        {formatMoney(p.amount_minor, p.currency, locale)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
          {i.notes && (
            <Card title={t('consoleBilling.card.notes')}>
              <MarkdownView text={i.notes} />
            </Card>
          )}
        </div>
        <div className="space-y-6">
          <Actions invoice={i} />
          {payable && (
            <Card title={t('consoleBillingInvoices.payment.formLabel')}>
              <RecordPaymentForm key={i.updated_at} invoice={i} locale={locale} timeZone={timeZone} />
            </Card>
          )}
          <Card title={t('consoleBilling.card.details')}>
            <dl className="grid gap-4 text-sm">
              <Fact label={t('consoleBillingInvoices.form.issueDate')}>{day(i.issue_date)}</Fact>
              <Fact label={t('consoleBillingInvoices.form.dueDate')}>{day(i.due_date)}</Fact>
              <Fact label={t('consoleBilling.fact.sent')}>
                {i.sent_at ? format(i.sent_at) : t('consoleBilling.notYet')}
              </Fact>
              {i.paid_at && (
                <Fact label={t('consoleBillingInvoices.detail.paidInFull')}>{format(i.paid_at)}</Fact>
              )}
              {i.quote_id && (
                <Fact label={t('consoleBillingInvoices.detail.madeFrom')}>
                  <Link to={`/app/quotes/${i.quote_id}`} className="underline underline-offset-2">
                    {t('consoleBillingInvoices.detail.acceptedQuote')}
                  </Link>
                </Fact>
              )}
              {i.project_id && (
                <Fact label={t('consoleBilling.fact.project')}>
                  <Link to={`/app/projects/${i.project_id}`} className="underline underline-offset-2">
                    {t('consoleBilling.openProject')}
                  </Link>
                </Fact>
              )}
            </dl>
          </Card>
          <Card>
            <BillTo addressee={i.client} draft={i.status === 'draft'} audience="staff" />
          </Card>
        </div>
      </div>
    </>
  );
}

function Actions({ invoice: i }: { invoice: Invoice }) {
  const t = useT();
  const toast = useToast();
  const saved = useSaved();
  const send = useMutation({
    mutationFn: () => sendInvoice(i.id),
    onSuccess: (sent) => {
      saved.invoice(sent);
      toast(t('consoleBillingInvoices.actions.sentToast', { number: sent.number, name: sent.client.name }));
    },
  });
  const cancel = useMutation({
    mutationFn: () => voidInvoice(i.id),
    onSuccess: (voided) => {
      saved.invoice(voided);
      toast(t('consoleBillingInvoices.actions.voidToast', { number: voided.number }));
    },
  });
  const failed = [send, cancel].find((m) => m.isError);
  const voidable = i.status === 'draft' || (i.status === 'sent' && i.paid_minor === 0);
  const voidQuestion =
    i.status === 'sent'
      ? t('consoleBillingInvoices.actions.voidSentQuestion', { number: i.number, name: i.client.name })
      : t('consoleBillingInvoices.actions.voidQuestion', { number: i.number });
  return (
    <Card title={t('consoleBilling.card.nextSteps')}>
      <div className="flex flex-col items-stretch gap-3">
        {i.status === 'draft' && (
          <>
            <p className="text-sm text-slate-700">
              {t('consoleBillingInvoices.actions.draft', { name: i.client.name })}
            </p>
            <ConfirmButton
              label={t('consoleBilling.sendToClient')}
              openerVariant="primary"
              tone="primary"
              question={t('consoleBillingInvoices.actions.sendQuestion', {
                name: i.client.name,
                email: i.client.email,
                number: i.number,
              })}
              confirmLabel={t('consoleBillingInvoices.actions.send')}
              busy={send.isPending}
              onConfirm={() => send.mutateAsync()}
            />
          </>
        )}
        {(i.status === 'sent' || i.status === 'partially_paid') && (
          <p className="text-sm text-slate-700">
            {t('consoleBillingInvoices.actions.waiting', { name: i.client.name })}
          </p>
        )}
        {i.status === 'paid' && (
          <p className="text-sm text-slate-700">{t('consoleBillingInvoices.actions.paid')}</p>
        )}
        {i.status === 'void' && (
          <p className="text-sm text-slate-700">{t('consoleBillingInvoices.actions.voidFinal')}</p>
        )}
        {voidable && (
          <ConfirmButton
            label={t('consoleBillingInvoices.actions.voidOpen')}
            question={voidQuestion}
            confirmLabel={t('consoleBillingInvoices.actions.void')}
            busy={cancel.isPending}
            onConfirm={() => cancel.mutateAsync()}
          />
        )}
        {failed && <Alert tone="error">{messageOf(failed.error)}</Alert>}
      </div>
    </Card>
  );
}
