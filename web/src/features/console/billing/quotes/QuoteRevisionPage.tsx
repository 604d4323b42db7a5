import { Link, useParams } from 'react-router';
import { MarkdownView } from '@/components/Markdown';
import { LinesTable } from '@/components/money/LinesTable';
import { QuoteStatus } from '@/components/money/status';
import { Alert, Card } from '@/components/ui';
import { formatDay } from '@/lib/format';
import { useFormatDate, useQuoteRevision, useTenant } from '../api';
import { DetailFrame } from '../DetailParts';

/** `/app/quotes/:id/revisions/:revision`: an earlier version, exactly as the client saw it. */
export function QuoteRevisionPage() {
  const { id = '', revision = '' } = useParams();
  const query = useQuoteRevision(id, Number(revision));
  const tenant = useTenant();
  const format = useFormatDate();
  const locale = tenant.data?.locale ?? navigator.language;
  const current = `/app/quotes/${id}`;
  return (
    <DetailFrame back={current} backLabel="Current version" query={query} what="revision">
      {() => {
        const r = query.data!;
        return (
          <div className="max-w-4xl space-y-6">
            <header>
              <p className="text-sm font-semibold text-slate-600">Revision {r.revision}</p>
              <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{r.title}</h1>
              <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-700">
                <QuoteStatus status={r.status} audience="staff" />
                <span>Valid until {formatDay(r.valid_until, locale)}</span>
                {r.sent_at && <span>Sent {format(r.sent_at)}</span>}
              </div>
            </header>
            <Alert tone="info">
              An earlier version, kept as the client saw it.{' '}
              <Link to={current} className="font-semibold underline underline-offset-2">
                Open the current version
              </Link>
            </Alert>
            {r.comment && (
              <Card title="The client’s comment on this version">
                <p className="whitespace-pre-line text-slate-800">{r.comment}</p>
              </Card>
            )}
            <Card title="Lines">
              <LinesTable lines={r.lines} totals={r.totals} currency={r.currency} locale={locale} />
            </Card>
            {r.notes && (
              <Card title="Notes">
                <MarkdownView text={r.notes} />
              </Card>
            )}
          </div>
        );
      }}
    </DetailFrame>
  );
}
