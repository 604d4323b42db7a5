import { useMemo } from 'react';
import { messageOf } from '@/api/problem';
import { Alert, Button, Card, EmptyState, ErrorState, Loading } from '@/components/ui';
import { useConsoleMe, useFormatDate, useProjectActivity, useStaffList, type ProjectDetail } from './api';
import { activitySentence } from './activitySentence';

/** Everything that happened on the project, newest first, in words. */
export function ActivityTab({ project }: { project: ProjectDetail }) {
  const activity = useProjectActivity(project.id);
  const me = useConsoleMe();
  const staff = useStaffList();
  const format = useFormatDate();
  const names = useMemo(
    () => ({
      meId: me.data?.id,
      staff: new Map((staff.data?.items ?? []).map((s) => [s.id, s.name])),
      clientName: project.client_name,
    }),
    [me.data?.id, staff.data, project.client_name],
  );
  const items = activity.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card title="Activity">
      {activity.isPending ? (
        <Loading label="Loading activity…" />
      ) : activity.isError && !activity.data ? (
        <ErrorState
          title="The activity could not be loaded"
          message={messageOf(activity.error)}
          onRetry={() => void activity.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing has happened yet">
          Changes to the project, deliverables, uploads, messages and feedback will be listed here.
        </EmptyState>
      ) : (
        <>
          <ol aria-label="Project activity" className="space-y-4 border-l-2 border-slate-200 pl-4">
            {items.map((a) => (
              <li key={a.id}>
                <p className="text-slate-900">{activitySentence(a, names)}</p>
                <p className="text-sm text-slate-600">
                  <time dateTime={a.at}>{format(a.at)}</time>
                </p>
              </li>
            ))}
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
              Show older activity
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
