import { Link } from 'react-router';
import { ListBody, ListFilterBar } from '@/components/ListFilters';
import { Cell, EmptyState, PageHeader, ResponsiveTable } from '@/components/ui';
import { useListFilters } from '@/lib/useListFilters';
import { useOrders, useTenant, type ServiceOrder } from './api';
import { formatMoney } from '@/lib/money';
import { OrderStatusBadge } from './OrderStatusBadge';
import { formatPlainDate, STATUSES, statusLooks } from './statuses';
import { linkButton, rowClass, rowLink } from '@/components/styles';

export function OrdersPage() {
  // The URL holds the search and filter, so a reload or a shared link shows the same list.
  const filters = useListFilters();
  const { q } = filters;
  const status = filters.get('status');
  const orders = useOrders(q, status);
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];

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
      <ListFilterBar
        id="order"
        filters={filters}
        placeholder="Reference, title or client"
        statuses={STATUSES.map((s) => ({ value: s, label: statusLooks[s].label }))}
      />
      <ListBody
        query={orders}
        count={items.length}
        what="orders"
        filters={filters}
        clearLabel="Clear search and filter"
        noMatch={
          q
            ? `No order’s reference, title or client contains “${q}”${status ? ' with this status' : ''}.`
            : 'No orders have this status.'
        }
        empty={
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
        }
      >
        <OrdersTable orders={items} />
      </ListBody>
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
        <tr key={order.id} className={rowClass}>
          <td className="block pb-2 sm:table-cell sm:px-4 sm:py-3">
            <Link to={`/app/orders/${order.id}`} className={rowLink}>
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
