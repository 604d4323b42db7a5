import { Link, useParams } from 'react-router';
import { MarkdownView } from '@/components/Markdown';
import { LinesTable } from '@/components/money/LinesTable';
import { QuoteStatus } from '@/components/money/status';
import { Alert, Card } from '@/components/ui';
import { formatDay } from '@/lib/format';
import { useFormatDate, useQuoteRevision, useTenant } from '../api';
import { DetailFrame } from '../DetailParts';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
import { Rich } from '@/lib/i18n/Rich';

/** `/app/quotes/:id/revisions/:revision`: an earlier version, exactly as the client saw it. */
export function QuoteRevisionPage() {
  const { id = '', revision = '' } = useParams();
  const query = useQuoteRevision(id, Number(revision));
  const t = useT();
  const tenant = useTenant();
  const format = useFormatDate();
  const locale = useFormatLocale(tenant.data?.locale);
  const current = `/app/quotes/${id}`;
  return (
    <DetailFrame
      back={current}
      backLabel={t('consoleBillingQuotes.revision.back')}
      query={query}
      what="revision"
    >
      {() => {
        const r = query.data!;
        return (
          <div className="max-w-4xl space-y-6">
            <header>
              <p className="text-sm font-semibold text-slate-600">
                {t('consoleBillingQuotes.revisions.revision', { revision: String(r.revision) })}
              </p>
              <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{r.title}</h1>
              <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-700">
                <QuoteStatus status={r.status} audience="staff" />
                <span>
                  {t('consoleBillingQuotes.revision.validUntil', { date: formatDay(r.valid_until, locale) })}
                </span>
                {r.sent_at && (
                  <span>{t('consoleBillingQuotes.revision.sent', { date: format(r.sent_at) })}</span>
                )}
              </div>
            </header>
            <Alert tone="info">
              <Rich
                text={t('consoleBillingQuotes.revision.earlier')}
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
              <Card title={t('consoleBillingQuotes.revision.comment')}>
                <p className="whitespace-pre-line text-slate-800">{r.comment}</p>
              </Card>
            )}
            <Card title={t('consoleBilling.card.lines')}>
              <LinesTable lines={r.lines} totals={r.totals} currency={r.currency} locale={locale} />
            </Card>
            {r.notes && (
              <Card title={t('consoleBilling.card.notes')}>
                <MarkdownView text={r.notes} />
              </Card>
            )}
          </div>
        );
      }}
    </DetailFrame>
  );
}
