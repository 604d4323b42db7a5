import { Link } from 'react-router';
import { messageOf } from '@/api/problem';
import { EmptyState, ErrorState, Loading, PageHeader } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { usePortalContracts } from '../api';
import { ContractStatus } from '@/components/money/status';

/** `/contracts`: the contracts to sign first, then the signed and withdrawn ones. */
export function ContractsPage() {
  const t = useT();
  const { slug, base, branding } = usePortal();
  const format = usePortalFormat();
  const list = usePortalContracts(slug);
  const items = [...(list.data?.items ?? [])].sort(
    (a, b) => Number(b.status === 'sent') - Number(a.status === 'sent'),
  );

  return (
    <div className="max-w-3xl">
      <PageHeader
        title={t('portalBillingContracts.title')}
        description={t('portalBillingContracts.description', { business: branding.name })}
      />
      {list.isPending ? (
        <Loading label={t('portalBillingContracts.loading')} />
      ) : list.isError ? (
        <ErrorState message={messageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('portalBillingContracts.empty')}>
          {t('portalBillingContracts.emptyText', { business: branding.name })}
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {items.map((c) => (
            <li key={c.id}>
              <article className="relative rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-300 hover:shadow">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h2 className="min-w-0 font-semibold text-slate-900">
                    <Link to={`${base}/contracts/${c.id}`} className="after:absolute after:inset-0">
                      {c.title}
                    </Link>
                  </h2>
                  <ContractStatus status={c.status} />
                </div>
                <p className="mt-1 text-sm text-slate-700">
                  {c.signed_at
                    ? t('portalBillingContracts.signedOn', { date: format.dateTime(c.signed_at) })
                    : t('portalBilling.sentOn', { date: format.dateTime(c.sent_at) })}
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
