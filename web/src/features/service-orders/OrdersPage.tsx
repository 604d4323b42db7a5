import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import {
  Alert,
  Button,
  Cell,
  EmptyState,
  ErrorState,
  Loading,
  PageHeader,
  ResponsiveTable,
  Spinner,
} from '@/components/ui';
import { useOrders, useTenant, type ServiceOrder } from './api';
import { formatMoney } from '@/lib/money';
import { OrderStatusBadge } from './OrderStatusBadge';
import { formatPlainDate, STATUSES, statusLooks } from './statuses';
import { labelClass, linkButton, select } from './styles';
import { useDebounced } from '@/lib/useDebounced';

export function OrdersPage() {
  const [params, setParams] = useSearchParams();
  // The URL holds the search and filter, so a reload or a shared link shows the same list.
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const [text, setText] = useState(q);
  const typed = useDebounced(text.trim(), 300);
  const [shownQ, setShownQ] = useState(q);
  if (q !== shownQ) {
    setShownQ(q);
    if (q !== text.trim()) setText(q);
  }

  const setParam = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if (typed !== q) setParam('q', typed);
    // Only settled typing writes the address; a change of address alone must not write it back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);

  const orders = useOrders(q, status);
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(q || status);

  return (
    <div>
      <PageHeader
        title="Orders"
        description="Work you do for clients, from received to delivered."
        actions={
          <Link to="/app/orders/new" className={linkButton}>
            New order
          </Link>
        }
      />
      <div role="search" className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1 space-y-1.5">
          <label htmlFor="order-search" className={labelClass}>
            Search
          </label>
          <input
            id="order-search"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Reference, title or client"
            className="block h-10 w-full rounded-lg border border-slate-300 bg-white px-3 text-[15px] text-slate-900 shadow-sm placeholder:text-slate-500"
          />
        </div>
        <div className="space-y-1.5 sm:w-56">
          <label htmlFor="order-status" className={labelClass}>
            Status
          </label>
          <select
            id="order-status"
            value={status}
            onChange={(e) => setParam('status', e.target.value)}
            className={select}
          >
            <option value="">All statuses</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLooks[s].label}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div aria-live="polite" className="mb-2 min-h-5 text-sm text-slate-600">
        {orders.isFetching && !orders.isFetchingNextPage && orders.data ? (
          <Spinner size="sm" label="Updating…" />
        ) : null}
      </div>

      {orders.isPending ? (
        <Loading label="Loading orders…" />
      ) : orders.isError && !orders.data ? (
        <ErrorState
          title="The orders could not be loaded"
          message={messageOf(orders.error)}
          onRetry={() => void orders.refetch()}
        />
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No orders match"
            action={
              <Button
                variant="secondary"
                onClick={() => {
                  setText('');
                  setParams(new URLSearchParams(), { replace: true });
                }}
              >
                Clear search and filter
              </Button>
            }
          >
            {q
              ? `No order’s reference, title or client contains “${q}”${status ? ' with this status' : ''}.`
              : 'No orders have this status.'}{' '}
            Try another search or status.
          </EmptyState>
        ) : (
          <EmptyState
            title="No orders yet"
            action={
              <Link to="/app/orders/new" className={linkButton}>
                Create your first order
              </Link>
            }
          >
            Orders track work you do for a client, such as a repair. They appear here, and your client follows
            each one in the portal and hears from you when it is ready.
          </EmptyState>
        )
      ) : (
        <>
          <OrdersTable orders={items} />
          {orders.isFetchNextPageError && (
            <div className="mt-4">
              <Alert tone="error">{messageOf(orders.error)}</Alert>
            </div>
          )}
          {orders.hasNextPage && (
            <div className="mt-4 flex justify-center">
              <Button
                variant="secondary"
                busy={orders.isFetchingNextPage}
                onClick={() => void orders.fetchNextPage()}
              >
                Load more orders
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function OrdersTable({ orders }: { orders: ServiceOrder[] }) {
  const tenant = useTenant();
  const locale = tenant.data?.locale ?? navigator.language;
  return (
    <ResponsiveTable
      columns={[
        'Reference',
        'Title',
        'Client',
        'Status',
        { label: 'Est. completion', className: 'hidden md:table-cell' },
        'Total',
      ]}
    >
      {orders.map((order) => (
        <tr
          key={order.id}
          className="relative block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:bg-slate-50 sm:table-row sm:rounded-none sm:border-0 sm:p-0 sm:shadow-none"
        >
          <td className="block pb-2 sm:table-cell sm:px-4 sm:py-3">
            <Link
              to={`/app/orders/${order.id}`}
              className="font-semibold whitespace-nowrap text-slate-900 after:absolute after:inset-0 after:content-[''] hover:underline"
            >
              {order.reference}
            </Link>
          </td>
          <Cell label="Title">{order.title}</Cell>
          <Cell label="Client">
            <Link
              to={`/app/clients/${order.client_id}`}
              className="relative z-10 underline underline-offset-2"
            >
              {order.client_name}
            </Link>
          </Cell>
          <Cell label="Status">
            <OrderStatusBadge status={order.status} />
          </Cell>
          <Cell label="Est. completion" wide="sm:hidden md:table-cell">
            {order.estimated_completion ? (
              formatPlainDate(order.estimated_completion, locale)
            ) : (
              <span className="text-slate-600">Not set</span>
            )}
          </Cell>
          <Cell label="Total">
            <span className="whitespace-nowrap">
              {formatMoney(order.total_minor, order.currency, locale)}
            </span>
          </Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
