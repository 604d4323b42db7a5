import { Link, useSearchParams } from 'react-router';
import { ClientFilterNotice } from '@/components/ClientFilterNotice';
import { ListBody, ListFilterBar } from '@/components/ListFilters';
import { Cell, EmptyState, PageHeader, ResponsiveTable } from '@/components/ui';
import { useListFilters } from '@/lib/useListFilters';
import { useOrders, useTenant, type ServiceOrder } from './api';
import { formatMoney } from '@/lib/money';
import { OrderStatusBadge } from './OrderStatusBadge';
import { formatPlainDate, STATUSES, statusLooks } from './statuses';
import { linkButton, rowClass, rowLink } from '@/components/styles';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';

/** `/app/orders`: every order; `?client_id=` shows only that client's (the client page's "See all"). */
export function OrdersPage() {
  // The URL holds the search and filter, so a reload or a shared link shows the same list.
  const t = useT();
  const filters = useListFilters();
  const [params] = useSearchParams();
  const { q } = filters;
  const status = filters.get('status');
  const clientId = filters.get('client_id');
  const orders = useOrders(q, status, clientId);
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  const what = t('consoleOrders.what');
  const everyone = new URLSearchParams(params);
  everyone.delete('client_id');

  return (
    <div>
      <PageHeader
        title={t('consoleOrders.title')}
        description={t('consoleOrders.listDescription')}
        actions={
          <Link to="/app/orders/new" className={linkButton}>
            {t('consoleOrders.new')}
          </Link>
        }
      />
      <ListFilterBar
        id="order"
        filters={filters}
        placeholder={t('consoleOrders.searchPlaceholder')}
        statuses={STATUSES.map((s) => ({ value: s, label: t(statusLooks[s].labelKey) }))}
      />
      {clientId && (
        <ClientFilterNotice
          clientId={clientId}
          what={what}
          showAll={`/app/orders${everyone.size ? `?${everyone.toString()}` : ''}`}
          clientName={items.find((o) => o.client_id === clientId)?.client_name}
        />
      )}
      <ListBody
        query={orders}
        count={items.length}
        what={what}
        filters={filters}
        clearLabel={t('consoleOrders.clearFilters')}
        noMatch={
          q
            ? status
              ? t('consoleOrders.noMatchQueryStatus', { q })
              : t('consoleOrders.noMatchQuery', { q })
            : status
              ? t('consoleOrders.noMatchStatus')
              : undefined
        }
        empty={
          <EmptyState
            title={t('consoleOrders.empty')}
            action={
              <Link to="/app/orders/new" className={linkButton}>
                {t('consoleOrders.createFirst')}
              </Link>
            }
          >
            {t('consoleOrders.emptyText')}
          </EmptyState>
        }
      >
        <OrdersTable orders={items} />
      </ListBody>
    </div>
  );
}

function OrdersTable({ orders }: { orders: ServiceOrder[] }) {
  const t = useT();
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  return (
    <ResponsiveTable
      columns={[
        t('consoleOrders.reference'),
        t('consoleOrders.orderTitle'),
        t('consoleOrders.client'),
        t('consoleOrders.statusLabel'),
        { label: t('consoleOrders.estCompletion'), className: 'hidden md:table-cell' },
        t('consoleOrders.total'),
      ]}
    >
      {orders.map((order) => (
        <tr key={order.id} className={rowClass}>
          <td className="block pb-2 sm:table-cell sm:px-4 sm:py-3">
            <Link to={`/app/orders/${order.id}`} className={rowLink}>
              {order.reference}
            </Link>
          </td>
          <Cell label={t('consoleOrders.orderTitle')}>{order.title}</Cell>
          <Cell label={t('consoleOrders.client')}>
            <Link
              to={`/app/clients/${order.client_id}`}
              className="relative z-10 underline underline-offset-2"
            >
              {order.client_name}
            </Link>
          </Cell>
          <Cell label={t('consoleOrders.statusLabel')}>
            <OrderStatusBadge status={order.status} />
          </Cell>
          <Cell label={t('consoleOrders.estCompletion')} wide="sm:hidden md:table-cell">
            {order.estimated_completion ? (
              formatPlainDate(order.estimated_completion, locale)
            ) : (
              <span className="text-slate-600">{t('consoleOrders.notSet')}</span>
            )}
          </Cell>
          <Cell label={t('consoleOrders.total')}>
            <span className="whitespace-nowrap">
              {formatMoney(order.total_minor, order.currency, locale)}
            </span>
          </Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
