import { Link, useParams } from 'react-router';
import { MarkdownView } from '@/components/Markdown';
import { Alert, Card } from '@/components/ui';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { useQuoteRevision } from '../api';
import { DocumentFrame } from '../DocumentFrame';
import { LinesTable } from '../LinesTable';
import { QuoteStatus } from '@/components/money/status';

/** `/quotes/:id/revisions/:revision`: an earlier version of a quote, kept as it was sent. */
export function QuoteRevisionPage() {
  const { id = '', revision = '' } = useParams();
  const { slug, base } = usePortal();
  const format = usePortalFormat();
  const number = Number(revision);
  const query = useQuoteRevision(slug, id, number);
  const current = `${base}/quotes/${id}`;
  return (
    <DocumentFrame back={current} backLabel="Current version" query={query} what="revision">
      {() => {
        const r = query.data!;
        return (
          <>
            <header>
              <p className="text-sm text-slate-600">Revision {r.revision}</p>
              <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{r.title}</h1>
              <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-700">
                <QuoteStatus status={r.status} />
                <span>Valid until {format.day(r.valid_until)}</span>
                {r.sent_at && <span>Sent {format.dateTime(r.sent_at)}</span>}
              </div>
            </header>
            <Alert tone="info">
              This is an earlier version, kept for reference; it can no longer be accepted.{' '}
              <Link to={current} className="font-semibold underline underline-offset-2">
                Read the current version
              </Link>
            </Alert>
            {r.comment && (
              <Card title="Comment on this version">
                <p className="whitespace-pre-line text-slate-800">{r.comment}</p>
              </Card>
            )}
            <Card title="What was included">
              <LinesTable lines={r.lines} totals={r.totals} currency={r.currency} />
            </Card>
            {r.notes && (
              <Card title="Notes">
                <MarkdownView text={r.notes} />
              </Card>
            )}
          </>
        );
      }}
    </DocumentFrame>
  );
}
