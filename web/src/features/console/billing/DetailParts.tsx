import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { ErrorState, Loading } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';

/** What each kind of document page says while it loads, when it is missing, when it fails. */
const FRAME_KEYS = {
  quote: {
    loading: 'consoleBilling.frame.quoteLoading',
    missing: 'consoleBilling.frame.quoteMissing',
    failed: 'consoleBilling.frame.quoteFailed',
  },
  revision: {
    loading: 'consoleBilling.frame.revisionLoading',
    missing: 'consoleBilling.frame.revisionMissing',
    failed: 'consoleBilling.frame.revisionFailed',
  },
  contract: {
    loading: 'consoleBilling.frame.contractLoading',
    missing: 'consoleBilling.frame.contractMissing',
    failed: 'consoleBilling.frame.contractFailed',
  },
  invoice: {
    loading: 'consoleBilling.frame.invoiceLoading',
    missing: 'consoleBilling.frame.invoiceMissing',
    failed: 'consoleBilling.frame.invoiceFailed',
  },
} as const;

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
  what: keyof typeof FRAME_KEYS;
  children: () => ReactNode;
}) {
  const t = useT();
  const keys = FRAME_KEYS[what];
  const missing = query.error instanceof ApiProblem && query.error.status === 404;
  return (
    <div>
      <Link to={back} className="mb-4 inline-block text-sm font-medium text-slate-700 hover:underline">
        ← {backLabel}
      </Link>
      {query.isPending ? (
        <Loading label={t(keys.loading)} />
      ) : query.isError ? (
        <ErrorState
          title={missing ? t(keys.missing) : t(keys.failed)}
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
