import { Link } from 'react-router';
import { messageOf } from '@/api/problem';
import { Card, EmptyState, ErrorState, Loading, PageHeader } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { Rich } from '@/lib/i18n/Rich';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { useMyReviews } from './api';
import { Stars } from './review';
import { reviewStatus } from './reviewStatus';
import { useClientTimes } from './zoned';

/** `/portal/{slug}/reviews`: the client's reviews and where each stands with the business. */
export function ReviewsPage() {
  const t = useT();
  const { slug, base, branding } = usePortal();
  const format = usePortalFormat();
  const list = useMyReviews(slug);
  const times = useClientTimes();

  return (
    <div className="max-w-3xl">
      <PageHeader
        title={t('portalAppointments.reviewsTitle')}
        description={t('portalAppointments.reviewsDescription', { name: branding.name })}
      />
      {list.isPending || !times.ready ? (
        <Loading label={t('portalAppointments.reviewsLoading')} />
      ) : list.isError ? (
        <ErrorState message={messageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('portalAppointments.reviewsEmpty')}>
          <Rich
            text={t('portalAppointments.reviewsEmptyText')}
            tags={{
              link: (chunk) => (
                <Link className="underline" to={`${base}/appointments?when=past`}>
                  {chunk}
                </Link>
              ),
            }}
          />
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {list.data.items.map((r) => (
            <li key={r.id}>
              <Card>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link
                    className="font-medium text-slate-900 underline"
                    to={`${base}/appointments/${r.appointment_id}`}
                  >
                    {r.service_name}, {format.day(times.day(r.appointment_starts_at))}
                  </Link>
                  <span className="text-sm text-slate-600">{reviewStatus(r.status)}</span>
                </div>
                <p className="mt-1">
                  <Stars rating={r.rating} />
                </p>
                {r.text && <p className="mt-2 whitespace-pre-line text-slate-800">{r.text}</p>}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
