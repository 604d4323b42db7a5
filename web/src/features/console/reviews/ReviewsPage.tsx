import { useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { Alert, Badge, Button, EmptyState, ErrorState, Loading, PageHeader, useToast } from '@/components/ui';
import { useFormatDate } from '@/lib/console-queries';
import {
  approveReview,
  rejectReview,
  useReviewMoved,
  useReviews,
  type Review,
  type ReviewStatus,
} from './api';
import { Stars } from './Stars';

const TABS: { status: ReviewStatus; label: string; empty: string; emptyText: string }[] = [
  {
    status: 'pending',
    label: 'To moderate',
    empty: 'No reviews waiting',
    emptyText:
      'When clients rate an appointment in the portal, their review waits here until you approve or reject it.',
  },
  {
    status: 'approved',
    label: 'Approved',
    empty: 'No approved reviews yet',
    emptyText: 'Reviews you approve appear here and on your portal.',
  },
  {
    status: 'rejected',
    label: 'Rejected',
    empty: 'No rejected reviews',
    emptyText: 'Reviews you reject appear here. They stay off your portal unless you approve them later.',
  },
];

export function ReviewsPage() {
  const [params] = useSearchParams();
  const tab = TABS.find((t) => t.status === params.get('status')) ?? TABS[0]!;
  const reviews = useReviews(tab.status);
  const items = reviews.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="max-w-4xl">
      <PageHeader
        title="Reviews"
        description="What clients say about their appointments. Approved reviews show on your portal."
      />
      <nav aria-label="Review status" className="mb-5 border-b border-slate-200">
        <ul className="-mb-px flex flex-wrap gap-1">
          {TABS.map((t) => (
            <li key={t.status}>
              <Link
                to={t.status === 'pending' ? '/app/reviews' : `/app/reviews?status=${t.status}`}
                replace
                aria-current={t.status === tab.status ? 'page' : undefined}
                className={`inline-block border-b-2 px-4 py-2.5 text-sm font-semibold ${
                  t.status === tab.status
                    ? 'border-brand text-slate-900'
                    : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-800'
                }`}
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {reviews.isPending ? (
        <Loading label="Loading reviews…" />
      ) : reviews.isError && !reviews.data ? (
        <ErrorState
          title="The reviews could not be loaded"
          message={messageOf(reviews.error)}
          onRetry={() => void reviews.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState title={tab.empty}>{tab.emptyText}</EmptyState>
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
                Load more reviews
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function ReviewCard({ review }: { review: Review }) {
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
          ? `Review by ${updated.client_name} approved — it now shows on your portal`
          : `Review by ${updated.client_name} rejected — it stays off your portal`,
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
            <Link to={`/app/clients/${review.client_id}`} className="underline-offset-2 hover:underline">
              {review.client_name}
            </Link>{' '}
            <span className="font-normal text-slate-600">on {review.service_name}</span>
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">
            <time dateTime={review.created_at}>{format(review.created_at)}</time>
            {review.moderated_at && <> · moderated {format(review.moderated_at)}</>}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <Stars rating={review.rating} />
          {review.status !== 'pending' && (
            <Badge tone={review.status === 'approved' ? 'green' : 'grey'}>
              {review.status === 'approved' ? 'Approved' : 'Rejected'}
            </Badge>
          )}
        </div>
      </div>
      {review.text ? (
        <blockquote className="mt-3 whitespace-pre-wrap text-slate-900">“{review.text}”</blockquote>
      ) : (
        <p className="mt-3 text-sm text-slate-600">A rating without a comment.</p>
      )}
      <div className="mt-4 flex flex-wrap gap-2">
        {review.status !== 'approved' && (
          <Button
            busy={moderate.isPending && moderate.variables === 'approve'}
            disabled={moderate.isPending}
            onClick={() => moderate.mutate('approve')}
            aria-describedby={headingId}
          >
            Approve
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
            Reject
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
