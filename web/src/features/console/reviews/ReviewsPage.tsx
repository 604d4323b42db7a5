import { useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { Alert, Badge, Button, EmptyState, ErrorState, Loading, PageHeader, useToast } from '@/components/ui';
import { useFormatDate } from '@/lib/console-queries';
import { Rich } from '@/lib/i18n/Rich';
import { useT } from '@/lib/i18n/hooks';
import {
  approveReview,
  rejectReview,
  useReviewMoved,
  useReviews,
  type Review,
  type ReviewStatus,
} from './api';
import { Stars } from './Stars';

/** The tabs, each with the message keys of its name and of its empty state. */
const TABS: { status: ReviewStatus; labelKey: string; emptyKey: string; emptyTextKey: string }[] = [
  {
    status: 'pending',
    labelKey: 'consoleReviews.tab.pending',
    emptyKey: 'consoleReviews.empty.pending',
    emptyTextKey: 'consoleReviews.empty.pendingText',
  },
  {
    status: 'approved',
    labelKey: 'consoleReviews.tab.approved',
    emptyKey: 'consoleReviews.empty.approved',
    emptyTextKey: 'consoleReviews.empty.approvedText',
  },
  {
    status: 'rejected',
    labelKey: 'consoleReviews.tab.rejected',
    emptyKey: 'consoleReviews.empty.rejected',
    emptyTextKey: 'consoleReviews.empty.rejectedText',
  },
];

export function ReviewsPage() {
  const t = useT();
  const [params] = useSearchParams();
  const tab = TABS.find((x) => x.status === params.get('status')) ?? TABS[0]!;
  const reviews = useReviews(tab.status);
  const items = reviews.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="max-w-4xl">
      <PageHeader title={t('consoleReviews.title')} description={t('consoleReviews.description')} />
      <nav aria-label={t('consoleReviews.tabsLabel')} className="mb-5 border-b border-slate-200">
        <ul className="-mb-px flex flex-wrap gap-1">
          {TABS.map((x) => (
            <li key={x.status}>
              <Link
                to={x.status === 'pending' ? '/app/reviews' : `/app/reviews?status=${x.status}`}
                replace
                aria-current={x.status === tab.status ? 'page' : undefined}
                className={`inline-block border-b-2 px-4 py-2.5 text-sm font-semibold ${
                  x.status === tab.status
                    ? 'border-brand text-slate-900'
                    : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-800'
                }`}
              >
                {t(x.labelKey)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {reviews.isPending ? (
        <Loading label={t('consoleReviews.loading')} />
      ) : reviews.isError && !reviews.data ? (
        <ErrorState
          title={t('consoleReviews.loadFailed')}
          message={messageOf(reviews.error)}
          onRetry={() => void reviews.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState title={t(tab.emptyKey)}>{t(tab.emptyTextKey)}</EmptyState>
      ) : (
        <>
          <ul className="space-y-4">
            {items.map((review) => (
              <li key={review.id}>
                <ReviewCard review={review} />
              </li>
            ))}
          </ul>
          {reviews.isFetchNextPageError && (
            <div className="mt-4">
              <Alert tone="error">{messageOf(reviews.error)}</Alert>
            </div>
          )}
          {reviews.hasNextPage && (
            <div className="mt-4 flex justify-center">
              <Button
                variant="secondary"
                busy={reviews.isFetchingNextPage}
                onClick={() => void reviews.fetchNextPage()}
              >
                {t('consoleReviews.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function ReviewCard({ review }: { review: Review }) {
  const t = useT();
  const format = useFormatDate();
  const toast = useToast();
  const moved = useReviewMoved();
  const moderate = useMutation({
    mutationFn: (action: 'approve' | 'reject') =>
      action === 'approve' ? approveReview(review.id) : rejectReview(review.id),
    onSuccess: (updated) => {
      moved();
      toast(
        updated.status === 'approved'
          ? t('consoleReviews.approvedToast', { client: updated.client_name })
          : t('consoleReviews.rejectedToast', { client: updated.client_name }),
      );
    },
  });
  const headingId = `review-${review.id}`;
  return (
    <article
      aria-labelledby={headingId}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={headingId} className="font-semibold text-slate-900">
            <Rich
              text={t('consoleReviews.heading', { client: review.client_name, service: review.service_name })}
              tags={{
                client: (chunk) => (
                  <Link
                    to={`/app/clients/${review.client_id}`}
                    className="underline-offset-2 hover:underline"
                  >
                    {chunk}
                  </Link>
                ),
                service: (chunk) => <span className="font-normal text-slate-600">{chunk}</span>,
              }}
            />
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">
            <time dateTime={review.created_at}>{format(review.created_at)}</time>
            {review.moderated_at &&
              ` · ${t('consoleReviews.moderated', { date: format(review.moderated_at) })}`}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <Stars rating={review.rating} />
          {review.status !== 'pending' && (
            <Badge tone={review.status === 'approved' ? 'green' : 'grey'}>
              {review.status === 'approved' ? t('consoleReviews.approved') : t('consoleReviews.rejected')}
            </Badge>
          )}
        </div>
      </div>
      {review.text ? (
        <blockquote className="mt-3 whitespace-pre-wrap text-slate-900">
          {t('consoleReviews.quote', { text: review.text })}
        </blockquote>
      ) : (
        <p className="mt-3 text-sm text-slate-600">{t('consoleReviews.noComment')}</p>
      )}
      <div className="mt-4 flex flex-wrap gap-2">
        {review.status !== 'approved' && (
          <Button
            busy={moderate.isPending && moderate.variables === 'approve'}
            disabled={moderate.isPending}
            onClick={() => moderate.mutate('approve')}
            aria-describedby={headingId}
          >
            {t('consoleReviews.approve')}
          </Button>
        )}
        {review.status !== 'rejected' && (
          <Button
            variant="secondary"
            busy={moderate.isPending && moderate.variables === 'reject'}
            disabled={moderate.isPending}
            onClick={() => moderate.mutate('reject')}
            aria-describedby={headingId}
          >
            {t('consoleReviews.reject')}
          </Button>
        )}
      </div>
      {moderate.isError && (
        <div className="mt-3">
          <Alert tone="error">{messageOf(moderate.error)}</Alert>
        </div>
      )}
    </article>
  );
}
