import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { messageOf } from '@/api/problem';
import type { components } from '@/api/schema';
import { Alert, Button, Card, EmptyState, ErrorState, Loading } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';

type Activity = components['schemas']['Activity'];
type ActivityPage = components['schemas']['ActivityPage'];

/**
 * An activity log in words, newest first, with "Show older activity": the client's and the
 * project's logs differ only in their query, their sentences and their empty state.
 */
export function ActivityFeed({
  activity,
  sentence,
  link,
  format,
  label,
  empty,
}: {
  activity: UseInfiniteQueryResult<InfiniteData<ActivityPage>>;
  sentence: (a: Activity) => string;
  /** The page of the entry's object, when the sentence should lead there. */
  link?: (a: Activity) => string | undefined;
  format: (at: string) => string;
  label?: string;
  empty: ReactNode;
}) {
  const t = useT();
  const items = activity.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={t('components.activity.title')}>
      {activity.isPending ? (
        <Loading label={t('components.activity.loading')} />
      ) : activity.isError && !activity.data ? (
        <ErrorState
          title={t('components.activity.loadFailed')}
          message={messageOf(activity.error)}
          onRetry={() => void activity.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState title={t('components.activity.empty')}>{empty}</EmptyState>
      ) : (
        <>
          <ol aria-label={label} className="space-y-4 border-l-2 border-slate-200 pl-4">
            {items.map((a) => {
              const href = link?.(a);
              return (
                <li key={a.id}>
                  <p className="text-slate-900">
                    {href ? (
                      <Link
                        to={href}
                        className="underline decoration-slate-300 underline-offset-2 hover:decoration-slate-600"
                      >
                        {sentence(a)}
                      </Link>
                    ) : (
                      sentence(a)
                    )}
                  </p>
                  <p className="text-sm text-slate-600">
                    <time dateTime={a.at}>{format(a.at)}</time>
                  </p>
                </li>
              );
            })}
          </ol>
          {activity.isFetchNextPageError && (
            <div className="mt-4">
              <Alert tone="error">{messageOf(activity.error)}</Alert>
            </div>
          )}
          {activity.hasNextPage && (
            <Button
              variant="secondary"
              className="mt-4"
              busy={activity.isFetchingNextPage}
              onClick={() => void activity.fetchNextPage()}
            >
              {t('components.activity.older')}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
