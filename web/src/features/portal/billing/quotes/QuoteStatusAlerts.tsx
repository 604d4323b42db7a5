import { Link } from 'react-router';
import { Alert } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { useReadOnly } from '@/lib/read-only';
import type { PortalQuote } from '../api';

/** What has become of the quote: being revised, expired, accepted, changes asked for, declined. */
export function QuoteStatusAlerts({ quote: q }: { quote: PortalQuote }) {
  const { base, branding } = usePortal();
  const format = usePortalFormat();
  const t = useT();
  const readOnly = useReadOnly();
  // Who decided, as the reader sees it: the client themselves, or staff viewing as the client.
  const who = readOnly ? 'client' : 'you';
  const decided = q.decided_at ? { who, date: format.dateTime(q.decided_at) } : null;
  return (
    <>
      {q.being_revised && (
        <Alert tone="info">
          {t('portalBillingQuotes.beingRevisedAlert', { business: branding.name, revision: q.revision, who })}
        </Alert>
      )}
      {q.status === 'expired' && !q.being_revised && (
        <Alert tone="warning">
          {t('portalBillingQuotes.expiredAlert', {
            date: format.day(q.valid_until),
            business: branding.name,
          })}
        </Alert>
      )}
      {q.status === 'accepted' && (
        <Alert tone="success">
          {decided
            ? t('portalBillingQuotes.acceptedOn', decided)
            : t('portalBillingQuotes.accepted', { who })}{' '}
          {q.project_id && (
            <Link
              to={`${base}/projects/${q.project_id}`}
              className="font-semibold underline underline-offset-2"
            >
              {t('portalBillingQuotes.openProject')}
            </Link>
          )}
        </Alert>
      )}
      {q.status === 'changes_requested' && (
        <Alert tone="info">
          {decided
            ? t('portalBillingQuotes.changesRequestedOn', { ...decided, business: branding.name })
            : t('portalBillingQuotes.changesRequested', { who, business: branding.name })}
          {q.decision_comment && (
            <span className="mt-1 block whitespace-pre-line border-l-2 border-sky-300 pl-3">
              {q.decision_comment}
            </span>
          )}
        </Alert>
      )}
      {q.status === 'declined' && (
        <Alert tone="info">
          {decided
            ? t('portalBillingQuotes.declinedOn', decided)
            : t('portalBillingQuotes.declinedAlert', { who })}
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
