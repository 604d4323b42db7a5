import { Link } from 'react-router';
import { Card } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import type { PortalQuote } from '../api';

/** Links to the versions of the quote sent before this one. */
export function QuoteRevisions({ quote: q }: { quote: PortalQuote }) {
  const t = useT();
  const { base } = usePortal();
  const format = usePortalFormat();
  if (q.revisions.length === 0) return null;
  return (
    <Card title={t('portalBillingQuotes.earlierVersions')}>
      <ul className="space-y-2 text-sm">
        {q.revisions.map((r) => (
          <li key={r.revision}>
            <Link
              to={`${base}/quotes/${q.id}/revisions/${r.revision}`}
              className="font-medium text-brand-ink underline-offset-2 hover:underline"
            >
              {t('portalBillingQuotes.revision', { revision: r.revision })}
            </Link>
            {r.sent_at && (
              <span className="text-slate-600">
                {' · '}
                {t('portalBillingQuotes.revisionSentOn', { date: format.dateTime(r.sent_at) })}
              </span>
            )}
            {r.comment && (
              <span className="mt-0.5 block whitespace-pre-line text-slate-700">
                {t('portalBillingQuotes.quotedComment', { comment: r.comment })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
