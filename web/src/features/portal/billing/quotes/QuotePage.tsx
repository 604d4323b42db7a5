import { useState } from 'react';
import { useParams } from 'react-router';
import { BillTo } from '@/components/money/BillTo';
import { MarkdownView } from '@/components/Markdown';
import { Alert, Badge, Card } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { useReadOnly } from '@/lib/read-only';
import { usePortalQuote, type PortalQuote } from '../api';
import { DocumentFrame } from '../DocumentFrame';
import { LinesTable } from '../LinesTable';
import { PdfButton } from '../PdfButton';
import { QuoteActions } from './QuoteActions';
import { QuoteRevisions } from './QuoteRevisions';
import { QuoteStatusAlerts } from './QuoteStatusAlerts';
import { QuoteStatus } from '@/components/money/status';

/** `/quotes/:id`: the quote, its lines and totals, and the client's decision. */
export function QuotePage() {
  const { id = '' } = useParams();
  const { slug, base } = usePortal();
  const quote = usePortalQuote(slug, id);
  const t = useT();
  return (
    <DocumentFrame
      back={`${base}/quotes`}
      backLabel={t('portalBillingQuotes.back')}
      query={quote}
      what="quote"
    >
      {() => <Quote quote={quote.data!} />}
    </DocumentFrame>
  );
}

function Quote({ quote: q }: { quote: PortalQuote }) {
  const t = useT();
  const format = usePortalFormat();
  const readOnly = useReadOnly();
  // Kept here, not in the actions: a conflict changes the status, and the actions go away.
  const [problem, setProblem] = useState<string | null>(null);

  return (
    <>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm text-slate-600">
            {q.revision > 1
              ? t('portalBillingQuotes.numberRevision', { number: q.number, revision: q.revision })
              : q.number}
          </p>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{q.title}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-700">
            {q.being_revised ? (
              <Badge tone="blue">{t('portalBillingQuotes.beingRevised')}</Badge>
            ) : (
              <QuoteStatus status={q.status} />
            )}
            <span>
              {q.status === 'expired'
                ? t('portalBillingQuotes.expiredOn', { date: format.day(q.valid_until) })
                : t('portalBillingQuotes.validUntil', { date: format.day(q.valid_until) })}
            </span>
            {q.sent_at && <span>{t('portalBilling.sentOn', { date: format.dateTime(q.sent_at) })}</span>}
          </div>
        </div>
        <PdfButton of={{ kind: 'quote', id: q.id }} filename={`${q.number}.pdf`} />
      </header>

      {problem && <Alert tone="error">{problem}</Alert>}
      <QuoteStatusAlerts quote={q} />

      <Card title={t('portalBillingQuotes.included')}>
        <LinesTable lines={q.lines} totals={q.totals} currency={q.currency} />
      </Card>

      <Card>
        <BillTo addressee={q.client} draft={false} audience="client" />
      </Card>

      {q.notes && (
        <Card title={t('portalBillingQuotes.notes')}>
          <MarkdownView text={q.notes} />
        </Card>
      )}

      {q.status === 'sent' &&
        !q.being_revised &&
        (readOnly ? (
          <p className="text-sm text-slate-600">{t('portalBillingQuotes.waitingForClient')}</p>
        ) : (
          <QuoteActions quote={q} onProblem={setProblem} />
        ))}

      <QuoteRevisions quote={q} />
    </>
  );
}
