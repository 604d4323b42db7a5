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

/** Asks the client, once the project is completed, how it went; shows their answer. */
export function FeedbackTab({ project }: { project: ProjectDetail }) {
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
      toast(`Feedback requested — ${project.client_name} has been emailed`);
    },
  });

  if (feedback.isPending) return <Loading label="Loading feedback…" />;
  if (feedback.isError) {
    return (
      <ErrorState
        title="The feedback could not be loaded"
        message={messageOf(feedback.error)}
        onRetry={() => void feedback.refetch()}
      />
    );
  }
  const f = feedback.data;
  if (!f) {
    return project.status === 'completed' ? (
      <Card title="Feedback">
        <p className="text-slate-800">
          Ask {project.client_name} how the project went. They get an email and rate it from 1 to 5 stars in
          the portal, with an optional comment; you will see the answer here and in the activity.
        </p>
        <Button className="mt-4" busy={request.isPending} onClick={() => request.mutate()}>
          Request feedback
        </Button>
        {request.isError && (
          <div className="mt-3">
            <Alert tone="error">{messageOf(request.error)}</Alert>
          </div>
        )}
      </Card>
    ) : (
      <EmptyState title="Feedback comes at the end">
        Once this project is completed (change its status above), you can ask {project.client_name} to rate it
        here.
      </EmptyState>
    );
  }
  return (
    <Card title="Feedback">
      {f.submitted_at && f.rating ? (
        <figure>
          <p
            className="text-2xl tracking-wider text-amber-500"
            role="img"
            aria-label={`Rated ${f.rating} out of 5 stars`}
          >
            {stars(f.rating)}
          </p>
          {f.comment ? (
            <blockquote className="mt-3 whitespace-pre-wrap text-slate-900">“{f.comment}”</blockquote>
          ) : (
            <p className="mt-3 text-sm text-slate-600">No comment.</p>
          )}
          <figcaption className="mt-2 text-sm text-slate-600">
            {project.client_name}, {format(f.submitted_at)}
          </figcaption>
        </figure>
      ) : (
        <p className="text-slate-800">
          Requested {format(f.requested_at)}. Waiting for {project.client_name}’s answer; it will appear here
          and in the{' '}
          <Link to={`/app/projects/${project.id}/activity`} className="underline underline-offset-2">
            activity
          </Link>
          .
        </p>
      )}
    </Card>
  );
}
