import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { MarkdownView } from '@/components/Markdown';
import { BillTo } from '@/components/money/BillTo';
import { LinesTable } from '@/components/money/LinesTable';
import { PdfButton } from '@/components/money/PdfButton';
import { QuoteStatus } from '@/components/money/status';
import { Alert, Button, Card, ConfirmButton, useToast } from '@/components/ui';
import { formatDay } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import {
  downloadPdf,
  invoiceQuote,
  reviseQuote,
  sendQuote,
  undoAcceptance,
  useFormatDate,
  useQuote,
  useSaved,
  useTenant,
  type Quote,
} from '../api';
import { DetailFrame, Fact } from '../DetailParts';
import { secondaryLink } from '@/components/styles';

/** `/app/quotes/:id`: the quote, what the client did with it, and what can be done next. */
export function QuoteDetailPage() {
  const { id = '' } = useParams();
  const quote = useQuote(id);
  return (
    <DetailFrame back="/app/quotes" backLabel="All quotes" query={quote} what="quote">
      {() => <QuoteDetail quote={quote.data!} />}
    </DetailFrame>
  );
}

function QuoteDetail({ quote: q }: { quote: Quote }) {
  const tenant = useTenant();
  const format = useFormatDate();
  const locale = tenant.data?.locale ?? navigator.language;
  const day = (d: string) => formatDay(d, locale);
  const filename = `${q.number}.pdf`;

  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm font-semibold text-slate-600">
            {q.number}
            {q.revision > 1 && ` · revision ${q.revision}`}
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{q.title}</h1>
            <QuoteStatus status={q.status} audience="staff" />
          </div>
          <p className="mt-1 text-slate-600">
            For{' '}
            <Link to={`/app/clients/${q.client.id}`} className="text-slate-900 underline underline-offset-2">
              {q.client.name}
            </Link>
            {q.client.company && ` · ${q.client.company}`}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {q.status === 'draft' && (
            <Link to={`/app/quotes/${q.id}/edit`} className={secondaryLink}>
              Edit
            </Link>
          )}
          <PdfButton download={() => downloadPdf.quote(q.id, filename)} filename={filename} />
        </div>
      </div>

      <div className="space-y-4">
        {q.status === 'changes_requested' && (
          <Alert tone="warning">
            <p className="font-semibold">
              {q.client.name} asked for changes{q.decided_at ? ` on ${format(q.decided_at)}` : ''}:
            </p>
            {q.decision_comment && <p className="mt-1 whitespace-pre-line">“{q.decision_comment}”</p>}
            <p className="mt-1">Revise the quote, then send the new version.</p>
          </Alert>
        )}
        {q.status === 'declined' && (
          <Alert tone="info">
            {q.client.name} declined this quote{q.decided_at ? ` on ${format(q.decided_at)}` : ''}.
            {q.decision_comment && <span className="block whitespace-pre-line">“{q.decision_comment}”</span>}
          </Alert>
        )}
        {q.status === 'accepted' && (
          <Alert tone="success">
            {q.client.name} accepted this quote{q.decided_at ? ` on ${format(q.decided_at)}` : ''}.
            {q.decision_comment && <span className="block whitespace-pre-line">“{q.decision_comment}”</span>}
          </Alert>
        )}
        {q.status === 'expired' && (
          <Alert tone="warning">
            It was valid until {day(q.valid_until)} and can no longer be accepted. Revise it to send a new
            version with a new date.
          </Alert>
        )}
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card title="Lines">
            <LinesTable lines={q.lines} totals={q.totals} currency={q.currency} locale={locale} />
          </Card>
          {q.notes && (
            <Card title="Notes">
              <MarkdownView text={q.notes} />
            </Card>
          )}
          <Revisions quote={q} />
        </div>
        <div className="space-y-6">
          <Actions quote={q} />
          <Card title="Details">
            <dl className="grid gap-4 text-sm">
              <Fact label="Total">{formatMoney(q.totals.total_minor, q.currency, locale)}</Fact>
              <Fact label="Valid until">{day(q.valid_until)}</Fact>
              <Fact label="Created">{format(q.created_at)}</Fact>
              <Fact label="Sent">{q.sent_at ? format(q.sent_at) : 'Not yet'}</Fact>
            </dl>
          </Card>
          <Card>
            <BillTo addressee={q.client} draft={q.status === 'draft'} audience="staff" />
          </Card>
          <Card title="Client views">
            {q.status === 'draft' && q.view_count === 0 ? (
              <p className="text-sm text-slate-600">
                The client cannot see a draft. Views show here once sent.
              </p>
            ) : q.view_count === 0 ? (
              <p className="text-sm text-slate-600">{q.client.name} has not opened it yet.</p>
            ) : (
              <dl className="grid gap-4 text-sm">
                <Fact label="Opened">{q.view_count === 1 ? 'Once' : `${q.view_count} times`}</Fact>
                <Fact label="First viewed">{format(q.first_viewed_at)}</Fact>
                <Fact label="Last viewed">{format(q.last_viewed_at)}</Fact>
              </dl>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}

function Revisions({ quote: q }: { quote: Quote }) {
  const format = useFormatDate();
  if (q.revisions.length === 0) return null;
  return (
    <Card title="Revision history">
      <ol className="divide-y divide-slate-100 text-sm">
        {q.revisions.map((r) => (
          <li key={r.revision} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">Revision {r.revision}</span>
                <QuoteStatus status={r.status} audience="staff" />
                {r.sent_at && <span className="text-slate-600">sent {format(r.sent_at)}</span>}
              </p>
              {r.comment && <p className="mt-1 whitespace-pre-line text-slate-800">“{r.comment}”</p>}
            </div>
            <Link
              to={`/app/quotes/${q.id}/revisions/${r.revision}`}
              className="font-medium text-slate-900 underline underline-offset-2"
            >
              Read revision {r.revision}
            </Link>
          </li>
        ))}
        <li className="py-3">
          <span className="font-medium text-slate-900">Revision {q.revision}</span>{' '}
          <span className="text-slate-600">(this one)</span>
        </li>
      </ol>
    </Card>
  );
}

function Actions({ quote: q }: { quote: Quote }) {
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useSaved();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);

  const send = useMutation({
    mutationFn: () => sendQuote(q.id),
    onSuccess: (sent) => {
      saved.quote(sent);
      toast(`Quote ${sent.number} sent — ${sent.client.name} has been emailed`);
    },
  });
  const revise = useMutation({
    mutationFn: () => reviseQuote(q.id),
    onSuccess: (draft) => {
      saved.quote(draft);
      toast(`Revision ${draft.revision} of ${draft.number} is a draft — change it, then send it again`);
      navigate(`/app/quotes/${draft.id}/edit`);
    },
  });
  const undo = useMutation({
    mutationFn: (why: string) => undoAcceptance(q.id, why),
    onSuccess: (reopened) => {
      saved.quote(reopened);
      setReason('');
      toast(`Acceptance of ${reopened.number} undone — it is open again`);
    },
  });
  const invoice = useMutation({
    mutationFn: () => invoiceQuote(q.id),
    onSuccess: (created) => {
      saved.invoice(created);
      toast(`Invoice ${created.number} created from ${q.number} as a draft`);
      navigate(`/app/invoices/${created.id}`);
    },
  });
  const failed = [send, revise, undo, invoice].find((m) => m.isError);

  const reviseButton = (primary: boolean) => (
    <ConfirmButton
      label="Revise"
      openerVariant={primary ? 'primary' : 'secondary'}
      tone="primary"
      question={`Reopen ${q.number} as a draft of revision ${q.revision + 1}? Until you send it again, ${q.client.name} can no longer accept the current version; it stays readable in the history.`}
      confirmLabel="Revise quote"
      busy={revise.isPending}
      onConfirm={() => revise.mutateAsync()}
    />
  );

  return (
    <Card title="Next steps">
      <div className="flex flex-col items-stretch gap-3">
        {q.status === 'draft' && (
          <>
            <p className="text-sm text-slate-700">
              A draft: only your team sees it. Sending emails {q.client.name} a link to it in the portal.
            </p>
            <ConfirmButton
              label="Send to client"
              openerVariant="primary"
              tone="primary"
              question={`Email ${q.client.name} (${q.client.email}) a link to ${q.number}? It can no longer be edited once sent, only revised.`}
              confirmLabel="Send quote"
              busy={send.isPending}
              onConfirm={() => send.mutateAsync()}
            />
          </>
        )}
        {q.status === 'sent' && (
          <>
            <p className="text-sm text-slate-700">
              Waiting for {q.client.name} to accept, ask for changes or decline.
            </p>
            {reviseButton(false)}
          </>
        )}
        {(q.status === 'changes_requested' || q.status === 'expired') && reviseButton(true)}
        {q.status === 'accepted' && (
          <>
            <Button busy={invoice.isPending} onClick={() => invoice.mutate()}>
              Convert to invoice
            </Button>
            {q.project_id && (
              <Link to={`/app/projects/${q.project_id}`} className={secondaryLink}>
                Open the project
              </Link>
            )}
            <ConfirmButton
              label="Undo acceptance"
              question={
                <>
                  Reopen {q.number} as sent, as if {q.client.name} had not accepted it yet? The project it
                  started stays, but is no longer linked to it.
                  <label htmlFor={reasonId} className="mt-3 block font-medium">
                    Reason (kept in the activity log)
                  </label>
                  <textarea
                    id={reasonId}
                    value={reason}
                    rows={2}
                    aria-invalid={reasonMissing || undefined}
                    aria-describedby={reasonMissing ? `${reasonId}-error` : undefined}
                    onChange={(e) => {
                      setReason(e.target.value);
                      setReasonMissing(false);
                    }}
                    className={`mt-1 block w-full rounded-lg border bg-white px-3 py-2 font-normal ${reasonMissing ? 'border-red-600' : 'border-slate-300'}`}
                  />
                  {reasonMissing && (
                    <span id={`${reasonId}-error`} className="mt-1 block font-medium text-red-700">
                      Say why the acceptance is undone.
                    </span>
                  )}
                </>
              }
              confirmLabel="Undo acceptance"
              busy={undo.isPending}
              onConfirm={() => {
                if (!reason.trim()) {
                  setReasonMissing(true);
                  return Promise.reject(new Error('reason'));
                }
                return undo.mutateAsync(reason.trim());
              }}
            />
          </>
        )}
        {q.status === 'declined' && (
          <>
            <p className="text-sm text-slate-700">
              A declined quote is final. Write a new one if the client wants another offer.
            </p>
            <Link to="/app/quotes/new" className={secondaryLink}>
              New quote
            </Link>
          </>
        )}
        {failed && <Alert tone="error">{messageOf(failed.error)}</Alert>}
      </div>
    </Card>
  );
}
