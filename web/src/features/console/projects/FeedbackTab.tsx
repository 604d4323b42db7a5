import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { messageOf } from '@/api/problem';
import { Alert, Button, Card, EmptyState, ErrorState, Loading, useToast } from '@/components/ui';
import {
  requestFeedback,
  useFeedback,
  useFormatDate,
  useProjectChanged,
  workKeys,
  type ProjectDetail,
} from './api';
import { stars } from '@/lib/activity-sentences';
import { useT } from '@/lib/i18n/hooks';
import { Rich } from '@/lib/i18n/Rich';

/** Asks the client, once the project is completed, how it went; shows their answer. */
export function FeedbackTab({ project }: { project: ProjectDetail }) {
  const t = useT();
  const feedback = useFeedback(project.id);
  const format = useFormatDate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const changed = useProjectChanged();
  const request = useMutation({
    mutationFn: () => requestFeedback(project.id),
    onSuccess: (f) => {
      queryClient.setQueryData(workKeys.feedback(project.id), f);
      void queryClient.invalidateQueries({ queryKey: workKeys.feedback(project.id) });
      changed(project.id);
      toast(t('consoleProjectsFeedback.requested', { client: project.client_name }));
    },
  });

  if (feedback.isPending) return <Loading label={t('consoleProjectsFeedback.loading')} />;
  if (feedback.isError) {
    return (
      <ErrorState
        title={t('consoleProjectsFeedback.loadError')}
        message={messageOf(feedback.error)}
        onRetry={() => void feedback.refetch()}
      />
    );
  }
  const f = feedback.data;
  if (!f) {
    return project.status === 'completed' ? (
      <Card title={t('consoleProjectsFeedback.title')}>
        <p className="text-slate-800">
          {t('consoleProjectsFeedback.askText', { client: project.client_name })}
        </p>
        <Button className="mt-4" busy={request.isPending} onClick={() => request.mutate()}>
          {t('consoleProjectsFeedback.request')}
        </Button>
        {request.isError && (
          <div className="mt-3">
            <Alert tone="error">{messageOf(request.error)}</Alert>
          </div>
        )}
      </Card>
    ) : (
      <EmptyState title={t('consoleProjectsFeedback.notYetTitle')}>
        {t('consoleProjectsFeedback.notYetText', { client: project.client_name })}
      </EmptyState>
    );
  }
  return (
    <Card title={t('consoleProjectsFeedback.title')}>
      {f.submitted_at && f.rating ? (
        <figure>
          <p
            className="text-2xl tracking-wider text-amber-500"
            role="img"
            aria-label={t('consoleProjectsFeedback.rated', { rating: f.rating })}
          >
            {stars(f.rating)}
          </p>
          {f.comment ? (
            <blockquote className="mt-3 whitespace-pre-wrap text-slate-900">
              {t('consoleProjectsFeedback.comment', { comment: f.comment })}
            </blockquote>
          ) : (
            <p className="mt-3 text-sm text-slate-600">{t('consoleProjectsFeedback.noComment')}</p>
          )}
          <figcaption className="mt-2 text-sm text-slate-600">
            {project.client_name}, {format(f.submitted_at)}
          </figcaption>
        </figure>
      ) : (
        <p className="text-slate-800">
          <Rich
            text={t('consoleProjectsFeedback.waiting', {
              date: format(f.requested_at),
              client: project.client_name,
            })}
            tags={{
              link: (chunk) => (
                <Link to={`/app/projects/${project.id}/activity`} className="underline underline-offset-2">
                  {chunk}
                </Link>
              ),
            }}
          />
        </p>
      )}
    </Card>
  );
}
