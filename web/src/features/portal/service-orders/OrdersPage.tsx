import { Link, useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { Button, EmptyState, ErrorState, Loading, PageHeader, TabLinks } from '@/components/ui';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { usePortalOrders } from './api';
import { OrderStatus } from './status';

export function OrdersPage() {
  const { slug, base, branding } = usePortal();
  const format = usePortalFormat();
  const [params] = useSearchParams();
  const state = params.get('state') === 'completed' ? 'completed' : 'open';
  const list = usePortalOrders(slug, state);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Orders"
        description={`Work ${branding.name} is doing for you, and where it stands.`}
      />
      <TabLinks
        label="Which orders"
        tabs={[
          { to: `${base}/orders`, label: 'Open', selected: state === 'open' },
          { to: `${base}/orders?state=completed`, label: 'Completed', selected: state === 'completed' },
        ]}
      />
      {list.isPending ? (
        <Loading label="Loading your orders…" />
      ) : list.isError ? (
        <ErrorState message={messageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={state === 'open' ? 'No open orders' : 'No completed orders'}>
          {state === 'open'
            ? `When ${branding.name} takes on a job for you — a repair, a print run, an alteration — you can follow it here.`
            : 'Delivered and cancelled orders are kept here.'}
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
                    <p className="text-sm text-slate-700">Expected {format.day(o.estimated_completion)}</p>
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
          Show more
        </Button>
      )}
    </div>
  );
}
