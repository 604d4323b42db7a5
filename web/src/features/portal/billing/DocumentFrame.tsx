import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { ErrorState, Loading } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';

export type DocumentKind = 'invoice' | 'quote' | 'contract' | 'revision';

const LOADING_KEYS = {
  invoice: 'portalBilling.loadingInvoice',
  quote: 'portalBilling.loadingQuote',
  contract: 'portalBilling.loadingContract',
  revision: 'portalBilling.loadingRevision',
} as const;

const NOT_FOUND_KEYS = {
  invoice: 'portalBilling.invoiceNotFound',
  quote: 'portalBilling.quoteNotFound',
  contract: 'portalBilling.contractNotFound',
  revision: 'portalBilling.revisionNotFound',
} as const;

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
  what: DocumentKind;
  children: () => ReactNode;
}) {
  const t = useT();
  const backLink = (
    <Link to={back} className="text-sm font-medium text-brand-ink underline-offset-2 hover:underline">
      ← {backLabel}
    </Link>
  );
  if (query.isPending) return <Loading label={t(LOADING_KEYS[what])} />;
  if (query.isError) {
    const missing = query.error instanceof ApiProblem && query.error.status === 404;
    return (
      <div className="max-w-2xl space-y-4">
        <ErrorState
          title={missing ? t(NOT_FOUND_KEYS[what]) : t('portalBilling.loadFailed')}
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
