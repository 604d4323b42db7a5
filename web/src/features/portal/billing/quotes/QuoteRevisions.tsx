import { Link } from 'react-router';
import { Card } from '@/components/ui';
import { usePortal, usePortalFormat } from '@/lib/portal';
import type { PortalQuote } from '../api';

/** Links to the versions of the quote sent before this one. */
export function QuoteRevisions({ quote: q }: { quote: PortalQuote }) {
  const { base } = usePortal();
  const format = usePortalFormat();
  if (q.revisions.length === 0) return null;
  return (
    <Card title="Earlier versions">
      <ul className="space-y-2 text-sm">
        {q.revisions.map((r) => (
          <li key={r.revision}>
            <Link
              to={`${base}/quotes/${q.id}/revisions/${r.revision}`}
              className="font-medium text-brand-ink underline-offset-2 hover:underline"
            >
              Revision {r.revision}
            </Link>
            {r.sent_at && <span className="text-slate-600"> · sent {format.dateTime(r.sent_at)}</span>}
            {r.comment && (
              <span className="mt-0.5 block whitespace-pre-line text-slate-700">“{r.comment}”</span>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
