import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { ErrorState, Loading } from '@/components/ui';

/** A document page's frame: the way back, and what to say when the document cannot be had. */
export function DetailFrame({
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
  const missing = query.error instanceof ApiProblem && query.error.status === 404;
  return (
    <div>
      <Link to={back} className="mb-4 inline-block text-sm font-medium text-slate-700 hover:underline">
        ← {backLabel}
      </Link>
      {query.isPending ? (
        <Loading label={`Loading the ${what}…`} />
      ) : query.isError ? (
        <ErrorState
          title={
            missing
              ? `${what[0]!.toUpperCase()}${what.slice(1)} not found`
              : `This ${what} could not be loaded`
          }
          message={messageOf(query.error)}
          onRetry={missing ? undefined : () => void query.refetch()}
        />
      ) : (
        children()
      )}
    </div>
  );
}

/** One fact in a card's definition list. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="mt-0.5 font-medium break-words text-slate-900">{children}</dd>
    </div>
  );
}
