import { Link, useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { Badge, EmptyState, ErrorState, Loading, PageHeader, TabLinks } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { usePortalQuotes } from '../api';
import { QuoteStatus } from '@/components/money/status';

/** `/quotes`: the quotes waiting for the client's decision, and the decided or expired ones. */
export function QuotesPage() {
  const t = useT();
  const { slug, base, branding } = usePortal();
  const format = usePortalFormat();
  const [params] = useSearchParams();
  const state = params.get('state') === 'closed' ? 'closed' : 'open';
  const list = usePortalQuotes(slug, state);
  const items = list.data?.items ?? [];
  const open = state === 'open';

  return (
    <div className="max-w-3xl">
      <PageHeader
        title={t('portalBillingQuotes.title')}
        description={t('portalBillingQuotes.description', { business: branding.name })}
      />
      <TabLinks
        label={t('portalBillingQuotes.tabsLabel')}
        tabs={[
          { to: `${base}/quotes`, label: t('portalBillingQuotes.tabOpen'), selected: open },
          {
            to: `${base}/quotes?state=closed`,
            label: t('portalBillingQuotes.tabClosed'),
            selected: !open,
          },
        ]}
      />
      {list.isPending ? (
        <Loading label={t('portalBillingQuotes.loading')} />
      ) : list.isError ? (
        <ErrorState message={messageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={open ? t('portalBillingQuotes.emptyOpen') : t('portalBillingQuotes.emptyClosed')}>
          {open
            ? t('portalBillingQuotes.emptyOpenText', { business: branding.name })
            : t('portalBillingQuotes.emptyClosedText')}
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {items.map((q) => (
            <li key={q.id}>
              <article className="relative rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-300 hover:shadow">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="text-sm text-slate-600">{q.number}</p>
                    <h2 className="font-semibold text-slate-900">
                      <Link to={`${base}/quotes/${q.id}`} className="after:absolute after:inset-0">
                        {q.title}
                      </Link>
                    </h2>
                  </div>
                  {q.being_revised ? (
                    <Badge tone="blue">{t('portalBillingQuotes.beingRevised')}</Badge>
                  ) : (
                    <QuoteStatus status={q.status} />
                  )}
                </div>
                <p className="mt-2 flex flex-wrap justify-between gap-2 text-sm text-slate-700">
                  <span className="font-semibold text-slate-900">
                    {format.money(q.total_minor, q.currency)}
                  </span>
                  <span>
                    {q.status === 'expired'
                      ? t('portalBillingQuotes.expiredOn', { date: format.day(q.valid_until) })
                      : t('portalBillingQuotes.validUntil', { date: format.day(q.valid_until) })}
                  </span>
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
