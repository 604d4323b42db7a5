import { Link, useParams } from 'react-router';
import { MarkdownView } from '@/components/Markdown';
import { Alert, Card } from '@/components/ui';
import { Rich } from '@/lib/i18n/Rich';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { useQuoteRevision } from '../api';
import { DocumentFrame } from '../DocumentFrame';
import { LinesTable } from '../LinesTable';
import { QuoteStatus } from '@/components/money/status';

/** `/quotes/:id/revisions/:revision`: an earlier version of a quote, kept as it was sent. */
export function QuoteRevisionPage() {
  const t = useT();
  const { id = '', revision = '' } = useParams();
  const { slug, base } = usePortal();
  const format = usePortalFormat();
  const number = Number(revision);
  const query = useQuoteRevision(slug, id, number);
  const current = `${base}/quotes/${id}`;
  return (
    <DocumentFrame
      back={current}
      backLabel={t('portalBillingQuotes.currentVersion')}
      query={query}
      what="revision"
    >
      {() => {
        const r = query.data!;
        return (
          <>
            <header>
              <p className="text-sm text-slate-600">
                {t('portalBillingQuotes.revision', { revision: r.revision })}
              </p>
              <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{r.title}</h1>
              <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-700">
                <QuoteStatus status={r.status} />
                <span>{t('portalBillingQuotes.validUntil', { date: format.day(r.valid_until) })}</span>
                {r.sent_at && <span>{t('portalBilling.sentOn', { date: format.dateTime(r.sent_at) })}</span>}
              </div>
            </header>
            <Alert tone="info">
              <Rich
                text={t('portalBillingQuotes.earlierVersion')}
                tags={{
                  link: (chunk) => (
                    <Link to={current} className="font-semibold underline underline-offset-2">
                      {chunk}
                    </Link>
                  ),
                }}
              />
            </Alert>
            {r.comment && (
              <Card title={t('portalBillingQuotes.versionComment')}>
                <p className="whitespace-pre-line text-slate-800">{r.comment}</p>
              </Card>
            )}
            <Card title={t('portalBillingQuotes.wasIncluded')}>
              <LinesTable lines={r.lines} totals={r.totals} currency={r.currency} />
            </Card>
            {r.notes && (
              <Card title={t('portalBillingQuotes.notes')}>
                <MarkdownView text={r.notes} />
              </Card>
            )}
          </>
        );
      }}
    </DocumentFrame>
  );
}
