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
import { methodLabels } from './methods';
import { RecordPaymentForm } from './RecordPaymentForm';

/** `/app/invoices/:id`: what is owed and paid, the payments, and the next step. */
export function InvoiceDetailPage() {
  const { id = '' } = useParams();
  const invoice = useInvoice(id);
  return (
    <DetailFrame back="/app/invoices" backLabel="All invoices" query={invoice} what="invoice">
      {() => <InvoiceDetail invoice={invoice.data!} />}
    </DetailFrame>
  );
}

function InvoiceDetail({ invoice: i }: { invoice: Invoice }) {
  const tenant = useTenant();
  const format = useFormatDate();
  const locale = tenant.data?.locale ?? navigator.language;
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
            For{' '}
            <Link to={`/app/clients/${i.client.id}`} className="text-slate-900 underline underline-offset-2">
              {i.client.name}
            </Link>
            {i.client.company && ` · ${i.client.company}`}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {i.status === 'draft' && (
            <Link to={`/app/invoices/${i.id}/edit`} className={secondaryLink}>
              Edit
            </Link>
          )}
          <PdfButton download={() => downloadPdf.invoice(i.id, filename)} filename={filename} />
        </div>
      </div>

      {i.status === 'void' && (
        <div className="mb-6">
          <Alert tone="info">Void{i.voided_at ? ` since ${format(i.voided_at)}` : ''}: nothing is due.</Alert>
        </div>
      )}
      {i.overdue && (
        <div className="mb-6">
          <Alert tone="error">
            Overdue: {money(i.due_minor)} was due on {day(i.due_date)}.
          </Alert>
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card>
            <dl className="grid gap-4 sm:grid-cols-3">
              <div>
                <dt className="text-sm text-slate-600">Total</dt>
                <dd className="text-xl font-semibold text-slate-900">{money(i.totals.total_minor)}</dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">Paid</dt>
                <dd className="text-xl font-semibold text-slate-900" data-testid="paid">
                  {money(i.paid_minor)}
                </dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">Amount due</dt>
                <dd
                  className={`text-xl font-semibold ${i.overdue ? 'text-red-700' : 'text-slate-900'}`}
                  data-testid="amount-due"
                >
                  {money(i.due_minor)}
                </dd>
              </div>
            </dl>
          </Card>
          <Card title="Lines">
            <LinesTable lines={i.lines} totals={i.totals} currency={i.currency} locale={locale} />
          </Card>
          <Card title="Payments">
            {i.payments.length === 0 ? (
              <p className="text-sm text-slate-600">
                No payment yet. Payments the client makes online, and those you record, are listed here.
              </p>
            ) : (
              <table className="w-full text-left text-sm" aria-label="Payments">
                <thead className="border-b border-slate-200 text-slate-700">
                  <tr>
                    <th scope="col" className="py-2 pr-3 font-semibold">
                      Received
                    </th>
                    <th scope="col" className="py-2 pr-3 font-semibold">
                      Method
                    </th>
                    <th scope="col" className="hidden py-2 pr-3 font-semibold sm:table-cell">
                      Reference
                    </th>
                    <th scope="col" className="py-2 text-right font-semibold">
                      Amount
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {i.payments.map((p) => (
                    <tr key={p.id}>
                      <td className="py-2 pr-3 text-slate-900">{format(p.received_at)}</td>
                      <td className="py-2 pr-3 text-slate-800">
                        {methodLabels[p.method] ?? p.method}
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
            <Card title="Notes">
              <MarkdownView text={i.notes} />
            </Card>
          )}
        </div>
        <div className="space-y-6">
          <Actions invoice={i} />
          {payable && (
            <Card title="Record a payment">
              <RecordPaymentForm key={i.updated_at} invoice={i} locale={locale} timeZone={timeZone} />
            </Card>
          )}
          <Card title="Details">
            <dl className="grid gap-4 text-sm">
              <Fact label="Issue date">{day(i.issue_date)}</Fact>
              <Fact label="Due date">{day(i.due_date)}</Fact>
              <Fact label="Sent">{i.sent_at ? format(i.sent_at) : 'Not yet'}</Fact>
              {i.paid_at && <Fact label="Paid in full">{format(i.paid_at)}</Fact>}
              {i.quote_id && (
                <Fact label="Made from">
                  <Link to={`/app/quotes/${i.quote_id}`} className="underline underline-offset-2">
                    The accepted quote
                  </Link>
                </Fact>
              )}
              {i.project_id && (
                <Fact label="Project">
                  <Link to={`/app/projects/${i.project_id}`} className="underline underline-offset-2">
                    Open the project
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
  const toast = useToast();
  const saved = useSaved();
  const send = useMutation({
    mutationFn: () => sendInvoice(i.id),
    onSuccess: (sent) => {
      saved.invoice(sent);
      toast(`Invoice ${sent.number} sent — ${sent.client.name} has been emailed`);
    },
  });
  const cancel = useMutation({
    mutationFn: () => voidInvoice(i.id),
    onSuccess: (voided) => {
      saved.invoice(voided);
      toast(`Invoice ${voided.number} is void`);
    },
  });
  const failed = [send, cancel].find((m) => m.isError);
  const voidable = i.status === 'draft' || (i.status === 'sent' && i.paid_minor === 0);
  return (
    <Card title="Next steps">
      <div className="flex flex-col items-stretch gap-3">
        {i.status === 'draft' && (
          <>
            <p className="text-sm text-slate-700">
              A draft: only your team sees it. Sending emails {i.client.name} a link to view and pay it.
            </p>
            <ConfirmButton
              label="Send to client"
              openerVariant="primary"
              tone="primary"
              question={`Email ${i.client.name} (${i.client.email}) invoice ${i.number}? It can no longer be edited once sent.`}
              confirmLabel="Send invoice"
              busy={send.isPending}
              onConfirm={() => send.mutateAsync()}
            />
          </>
        )}
        {(i.status === 'sent' || i.status === 'partially_paid') && (
          <p className="text-sm text-slate-700">
            Waiting for {i.client.name} to pay. Payments online are recorded by themselves; record the others
            below.
          </p>
        )}
        {i.status === 'paid' && <p className="text-sm text-slate-700">Paid in full. Nothing more to do.</p>}
        {i.status === 'void' && <p className="text-sm text-slate-700">Void invoices are final.</p>}
        {voidable && (
          <ConfirmButton
            label="Void"
            question={`Void ${i.number}? ${i.status === 'sent' ? `${i.client.name} no longer owes it. ` : ''}Its number stays used, and this cannot be undone.`}
            confirmLabel="Void invoice"
            busy={cancel.isPending}
            onConfirm={() => cancel.mutateAsync()}
          />
        )}
        {failed && <Alert tone="error">{messageOf(failed.error)}</Alert>}
      </div>
    </Card>
  );
}
