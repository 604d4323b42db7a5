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
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
import { Rich } from '@/lib/i18n/Rich';

/** `/app/quotes/:id`: the quote, what the client did with it, and what can be done next. */
export function QuoteDetailPage() {
  const { id = '' } = useParams();
  const quote = useQuote(id);
  const t = useT();
  return (
    <DetailFrame
      back="/app/quotes"
      backLabel={t('consoleBillingQuotes.detail.back')}
      query={quote}
      what="quote"
    >
      {() => <QuoteDetail quote={quote.data!} />}
    </DetailFrame>
  );
}

function QuoteDetail({ quote: q }: { quote: Quote }) {
  const t = useT();
  const tenant = useTenant();
  const format = useFormatDate();
  const locale = useFormatLocale(tenant.data?.locale);
  const quoted = (text: string) => t('consoleBilling.quoted', { text });
  const day = (d: string) => formatDay(d, locale);
  const filename = `${q.number}.pdf`;

  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm font-semibold text-slate-600">
            {q.revision > 1
              ? t('consoleBillingQuotes.detail.numberRevision', {
                  number: q.number,
                  revision: String(q.revision),
                })
              : q.number}
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{q.title}</h1>
            <QuoteStatus status={q.status} audience="staff" />
          </div>
          <p className="mt-1 text-slate-600">
            <Rich
              text={t('consoleBilling.forClient', { name: q.client.name })}
              tags={{
                link: (chunk) => (
                  <Link
                    to={`/app/clients/${q.client.id}`}
                    className="text-slate-900 underline underline-offset-2"
                  >
                    {chunk}
                  </Link>
                ),
              }}
            />
            {q.client.company && ` · ${q.client.company}`}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {q.status === 'draft' && (
            <Link to={`/app/quotes/${q.id}/edit`} className={secondaryLink}>
              {t('consoleBilling.edit')}
            </Link>
          )}
          <PdfButton download={() => downloadPdf.quote(q.id, filename)} filename={filename} />
        </div>
      </div>

      <div className="space-y-4">
        {q.status === 'changes_requested' && (
          <Alert tone="warning">
            <p className="font-semibold">
              {q.decided_at
                ? t('consoleBillingQuotes.detail.changesRequestedOn', {
                    name: q.client.name,
                    date: format(q.decided_at),
                  })
                : t('consoleBillingQuotes.detail.changesRequested', { name: q.client.name })}
            </p>
            {q.decision_comment && <p className="mt-1 whitespace-pre-line">{quoted(q.decision_comment)}</p>}
            <p className="mt-1">{t('consoleBillingQuotes.detail.reviseHint')}</p>
          </Alert>
        )}
        {q.status === 'declined' && (
          <Alert tone="info">
            {q.decided_at
              ? t('consoleBillingQuotes.detail.declinedOn', {
                  name: q.client.name,
                  date: format(q.decided_at),
                })
              : t('consoleBillingQuotes.detail.declined', { name: q.client.name })}
            {q.decision_comment && (
              <span className="block whitespace-pre-line">{quoted(q.decision_comment)}</span>
            )}
          </Alert>
        )}
        {q.status === 'accepted' && (
          <Alert tone="success">
            {q.decided_at
              ? t('consoleBillingQuotes.detail.acceptedOn', {
                  name: q.client.name,
                  date: format(q.decided_at),
                })
              : t('consoleBillingQuotes.detail.accepted', { name: q.client.name })}
            {q.decision_comment && (
              <span className="block whitespace-pre-line">{quoted(q.decision_comment)}</span>
            )}
          </Alert>
        )}
        {q.status === 'expired' && (
          <Alert tone="warning">
            {t('consoleBillingQuotes.detail.expired', { date: day(q.valid_until) })}
          </Alert>
        )}
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card title={t('consoleBilling.card.lines')}>
            <LinesTable lines={q.lines} totals={q.totals} currency={q.currency} locale={locale} />
          </Card>
          {q.notes && (
            <Card title={t('consoleBilling.card.notes')}>
              <MarkdownView text={q.notes} />
            </Card>
          )}
          <Revisions quote={q} />
        </div>
        <div className="space-y-6">
          <Actions quote={q} />
          <Card title={t('consoleBilling.card.details')}>
            <dl className="grid gap-4 text-sm">
              <Fact label={t('consoleBillingQuotes.col.total')}>
                {formatMoney(q.totals.total_minor, q.currency, locale)}
              </Fact>
              <Fact label={t('consoleBillingQuotes.col.validUntil')}>{day(q.valid_until)}</Fact>
              <Fact label={t('consoleBilling.fact.created')}>{format(q.created_at)}</Fact>
              <Fact label={t('consoleBilling.fact.sent')}>
                {q.sent_at ? format(q.sent_at) : t('consoleBilling.notYet')}
              </Fact>
            </dl>
          </Card>
          <Card>
            <BillTo addressee={q.client} draft={q.status === 'draft'} audience="staff" />
          </Card>
          <Card title={t('consoleBilling.card.clientViews')}>
            {q.status === 'draft' && q.view_count === 0 ? (
              <p className="text-sm text-slate-600">{t('consoleBillingQuotes.detail.viewsDraft')}</p>
            ) : q.view_count === 0 ? (
              <p className="text-sm text-slate-600">
                {t('consoleBillingQuotes.detail.notOpened', { name: q.client.name })}
              </p>
            ) : (
              <dl className="grid gap-4 text-sm">
                <Fact label={t('consoleBillingQuotes.detail.opened')}>
                  {t('consoleBilling.times', { count: q.view_count })}
                </Fact>
                <Fact label={t('consoleBillingQuotes.detail.firstViewed')}>{format(q.first_viewed_at)}</Fact>
                <Fact label={t('consoleBillingQuotes.detail.lastViewed')}>{format(q.last_viewed_at)}</Fact>
              </dl>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}

function Revisions({ quote: q }: { quote: Quote }) {
  const t = useT();
  const format = useFormatDate();
  if (q.revisions.length === 0) return null;
  return (
    <Card title={t('consoleBillingQuotes.revisions.title')}>
      <ol className="divide-y divide-slate-100 text-sm">
        {q.revisions.map((r) => (
          <li key={r.revision} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">
                  {t('consoleBillingQuotes.revisions.revision', { revision: String(r.revision) })}
                </span>
                <QuoteStatus status={r.status} audience="staff" />
                {r.sent_at && (
                  <span className="text-slate-600">
                    {t('consoleBillingQuotes.revisions.sent', { date: format(r.sent_at) })}
                  </span>
                )}
              </p>
              {r.comment && (
                <p className="mt-1 whitespace-pre-line text-slate-800">
                  {t('consoleBilling.quoted', { text: r.comment })}
                </p>
              )}
            </div>
            <Link
              to={`/app/quotes/${q.id}/revisions/${r.revision}`}
              className="font-medium text-slate-900 underline underline-offset-2"
            >
              {t('consoleBillingQuotes.revisions.read', { revision: String(r.revision) })}
            </Link>
          </li>
        ))}
        <li className="py-3">
          <Rich
            text={t('consoleBillingQuotes.revisions.current', { revision: String(q.revision) })}
            tags={{
              name: (chunk) => <span className="font-medium text-slate-900">{chunk}</span>,
              note: (chunk) => <span className="text-slate-600">{chunk}</span>,
            }}
          />
        </li>
      </ol>
    </Card>
  );
}

function Actions({ quote: q }: { quote: Quote }) {
  const t = useT();
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
      toast(t('consoleBillingQuotes.actions.sentToast', { number: sent.number, name: sent.client.name }));
    },
  });
  const revise = useMutation({
    mutationFn: () => reviseQuote(q.id),
    onSuccess: (draft) => {
      saved.quote(draft);
      toast(
        t('consoleBillingQuotes.actions.revisedToast', {
          revision: String(draft.revision),
          number: draft.number,
        }),
      );
      navigate(`/app/quotes/${draft.id}/edit`);
    },
  });
  const undo = useMutation({
    mutationFn: (why: string) => undoAcceptance(q.id, why),
    onSuccess: (reopened) => {
      saved.quote(reopened);
      setReason('');
      toast(t('consoleBillingQuotes.actions.undoneToast', { number: reopened.number }));
    },
  });
  const invoice = useMutation({
    mutationFn: () => invoiceQuote(q.id),
    onSuccess: (created) => {
      saved.invoice(created);
      toast(t('consoleBillingQuotes.actions.invoicedToast', { invoice: created.number, number: q.number }));
      navigate(`/app/invoices/${created.id}`);
    },
  });
  const failed = [send, revise, undo, invoice].find((m) => m.isError);

  // The question of “Undo acceptance” asks for the reason too.
  const undoQuestion = (
    <>
      {t('consoleBillingQuotes.actions.undoQuestion', { number: q.number, name: q.client.name })}
      <label htmlFor={reasonId} className="mt-3 block font-medium">
        {t('consoleBillingQuotes.actions.undoReason')}
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
          {t('consoleBillingQuotes.actions.undoReasonMissing')}
        </span>
      )}
    </>
  );

  const reviseButton = (primary: boolean) => (
    <ConfirmButton
      label={t('consoleBillingQuotes.actions.revise')}
      openerVariant={primary ? 'primary' : 'secondary'}
      tone="primary"
      question={t('consoleBillingQuotes.actions.reviseQuestion', {
        number: q.number,
        revision: String(q.revision + 1),
        name: q.client.name,
      })}
      confirmLabel={t('consoleBillingQuotes.actions.reviseConfirm')}
      busy={revise.isPending}
      onConfirm={() => revise.mutateAsync()}
    />
  );

  return (
    <Card title={t('consoleBilling.card.nextSteps')}>
      <div className="flex flex-col items-stretch gap-3">
        {q.status === 'draft' && (
          <>
            <p className="text-sm text-slate-700">
              {t('consoleBillingQuotes.actions.draft', { name: q.client.name })}
            </p>
            <ConfirmButton
              label={t('consoleBilling.sendToClient')}
              openerVariant="primary"
              tone="primary"
              question={t('consoleBillingQuotes.actions.sendQuestion', {
                name: q.client.name,
                email: q.client.email,
                number: q.number,
              })}
              confirmLabel={t('consoleBillingQuotes.actions.send')}
              busy={send.isPending}
              onConfirm={() => send.mutateAsync()}
            />
          </>
        )}
        {q.status === 'sent' && (
          <>
            <p className="text-sm text-slate-700">
              {t('consoleBillingQuotes.actions.waiting', { name: q.client.name })}
            </p>
            {reviseButton(false)}
          </>
        )}
        {(q.status === 'changes_requested' || q.status === 'expired') && reviseButton(true)}
        {q.status === 'accepted' && (
          <>
            <Button busy={invoice.isPending} onClick={() => invoice.mutate()}>
              {t('consoleBillingQuotes.actions.convert')}
            </Button>
            {q.project_id && (
              <Link to={`/app/projects/${q.project_id}`} className={secondaryLink}>
                {t('consoleBilling.openProject')}
              </Link>
            )}
            <ConfirmButton
              label={t('consoleBillingQuotes.actions.undo')}
              question={undoQuestion}
              confirmLabel={t('consoleBillingQuotes.actions.undo')}
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
            <p className="text-sm text-slate-700">{t('consoleBillingQuotes.actions.declinedFinal')}</p>
            <Link to="/app/quotes/new" className={secondaryLink}>
              {t('consoleBillingQuotes.list.new')}
            </Link>
          </>
        )}
        {failed && <Alert tone="error">{messageOf(failed.error)}</Alert>}
      </div>
    </Card>
  );
}
