import { Link } from 'react-router';
import { Alert } from '@/components/ui';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { useReadOnly } from '@/lib/read-only';
import type { PortalQuote } from '../api';

/** What has become of the quote: being revised, expired, accepted, changes asked for, declined. */
export function QuoteStatusAlerts({ quote: q }: { quote: PortalQuote }) {
  const { base, branding } = usePortal();
  const format = usePortalFormat();
  const readOnly = useReadOnly();
  const decided = q.decided_at ? ` on ${format.dateTime(q.decided_at)}` : '';
  return (
    <>
      {q.being_revised && (
        <Alert tone="info">
          {branding.name} is preparing a new version of this quote. This is revision {q.revision}, as it was
          sent; {readOnly ? 'the client can decide' : 'you can decide'} once the new version arrives.
        </Alert>
      )}
      {q.status === 'expired' && !q.being_revised && (
        <Alert tone="warning">
          This quote expired on {format.day(q.valid_until)}, so it can no longer be accepted. If you still
          want to go ahead, ask {branding.name} for a new one.
        </Alert>
      )}
      {q.status === 'accepted' && (
        <Alert tone="success">
          {readOnly ? 'The client accepted' : 'You accepted'} this quote{decided}.{' '}
          {q.project_id && (
            <Link
              to={`${base}/projects/${q.project_id}`}
              className="font-semibold underline underline-offset-2"
            >
              Open the project
            </Link>
          )}
        </Alert>
      )}
      {q.status === 'changes_requested' && (
        <Alert tone="info">
          {readOnly ? 'The client asked' : 'You asked'} for changes{decided}. {branding.name} will send a
          revised quote.
          {q.decision_comment && (
            <span className="mt-1 block whitespace-pre-line border-l-2 border-sky-300 pl-3">
              {q.decision_comment}
            </span>
          )}
        </Alert>
      )}
      {q.status === 'declined' && (
        <Alert tone="info">
          {readOnly ? 'The client declined' : 'You declined'} this quote{decided}.
          {q.decision_comment && (
            <span className="mt-1 block whitespace-pre-line border-l-2 border-sky-300 pl-3">
              {q.decision_comment}
            </span>
          )}
        </Alert>
      )}
    </>
  );
}
