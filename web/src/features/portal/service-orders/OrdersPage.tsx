import { Link, useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { Button, EmptyState, ErrorState, Loading, PageHeader, TabLinks } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { usePortalOrders } from './api';
import { OrderStatus } from './status';

export function OrdersPage() {
  const t = useT();
  const { slug, base, branding } = usePortal();
  const format = usePortalFormat();
  const [params] = useSearchParams();
  const state = params.get('state') === 'completed' ? 'completed' : 'open';
  const open = state === 'open';
  const list = usePortalOrders(slug, state);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="max-w-3xl">
      <PageHeader
        title={t('portalOrders.title')}
        description={t('portalOrders.description', { name: branding.name })}
      />
      <TabLinks
        label={t('portalOrders.tabsLabel')}
        tabs={[
          { to: `${base}/orders`, label: t('portalOrders.tabOpen'), selected: open },
          { to: `${base}/orders?state=completed`, label: t('portalOrders.tabCompleted'), selected: !open },
        ]}
      />
      {list.isPending ? (
        <Loading label={t('portalOrders.loadingList')} />
      ) : list.isError ? (
        <ErrorState message={messageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={open ? t('portalOrders.emptyOpen') : t('portalOrders.emptyCompleted')}>
          {open
            ? t('portalOrders.emptyOpenText', { name: branding.name })
            : t('portalOrders.emptyCompletedText')}
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {items.map((o) => (
            <li key={o.id}>
              <Link
                to={`${base}/orders/${o.id}`}
                className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-300 hover:shadow"
              >
                <div className="min-w-0">
                  <p className="text-sm text-slate-600">{o.reference}</p>
                  <p className="truncate font-semibold text-slate-900">{o.title}</p>
                  {o.estimated_completion && o.status !== 'delivered' && o.status !== 'cancelled' && (
                    <p className="text-sm text-slate-700">
                      {t('portalOrders.expected', { date: format.day(o.estimated_completion) })}
                    </p>
                  )}
                </div>
                <div className="flex items-center gap-3">
                  <span className="font-medium text-slate-900">
                    {format.money(o.total_minor, o.currency)}
                  </span>
                  <OrderStatus status={o.status} />
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <Button
          variant="secondary"
          className="mt-4"
          busy={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('portalOrders.showMore')}
        </Button>
      )}
    </div>
  );
}
