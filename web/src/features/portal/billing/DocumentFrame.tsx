import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { ErrorState, Loading } from '@/components/ui';

/** A document page's frame: the way back, and what to say when the document cannot be had. */
export function DocumentFrame({
  back,
  backLabel,
  query,
  what,
  children,
}: {
  back: string;
  backLabel: string;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  what: string;
  children: () => ReactNode;
}) {
  const backLink = (
    <Link to={back} className="text-sm font-medium text-brand-ink underline-offset-2 hover:underline">
      ← {backLabel}
    </Link>
  );
  if (query.isPending) return <Loading label={`Loading the ${what}…`} />;
  if (query.isError) {
    const missing = query.error instanceof ApiProblem && query.error.status === 404;
    return (
      <div className="max-w-2xl space-y-4">
        <ErrorState
          title={missing ? `${what[0]!.toUpperCase()}${what.slice(1)} not found` : 'This could not be loaded'}
          message={messageOf(query.error)}
          onRetry={missing ? undefined : () => void query.refetch()}
        />
        {backLink}
      </div>
    );
  }
  return (
    <div className="max-w-3xl space-y-6">
      {backLink}
      {children()}
    </div>
  );
}
