import { Link, useParams } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { Card, Cell, ErrorState, Loading, ResponsiveTable } from '@/components/ui';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { usePortalOrder } from './api';
import { OrderStatus } from './status';
import { MarkdownInline, MarkdownView } from '@/components/Markdown';

const statusText: Record<string, string> = {
  received: 'Received',
  in_progress: 'Work started',
  ready: 'Ready',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
};

export function OrderPage() {
  const { id = '' } = useParams();
  const { slug, base } = usePortal();
  const format = usePortalFormat();
  const order = usePortalOrder(slug, id);
  const back = (
    <Link
      to={`${base}/orders`}
      className="text-sm font-medium text-brand-ink underline-offset-2 hover:underline"
    >
      ← All orders
    </Link>
  );
  if (order.isPending) return <Loading label="Loading the order…" />;
  if (order.isError) {
    const missing = order.error instanceof ApiProblem && order.error.status === 404;
    return (
      <div className="max-w-2xl space-y-4">
        <ErrorState
          title={missing ? 'Order not found' : 'This could not be loaded'}
          message={messageOf(order.error)}
          onRetry={missing ? undefined : () => void order.refetch()}
        />
        {back}
      </div>
    );
  }
  const o = order.data;
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        {back}
        <p className="mt-2 text-sm text-slate-600">{o.reference}</p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{o.title}</h1>
          <OrderStatus status={o.status} />
        </div>
        {o.estimated_completion && o.status !== 'delivered' && o.status !== 'cancelled' && (
          <p className="mt-1 text-slate-700">Expected {format.day(o.estimated_completion)}</p>
        )}
      </div>
      {o.status === 'ready' && (
        <div
          role="status"
          className="rounded-xl border border-green-200 bg-green-50 p-4 font-medium text-green-900"
        >
          Your order is ready.
        </div>
      )}
      {o.description && (
        <Card title="Details">
          <MarkdownView text={o.description} />
        </Card>
      )}
      {o.lines.length > 0 && (
        <div>
          <ResponsiveTable columns={['Item', 'Quantity', 'Unit price', 'Amount']}>
            {o.lines.map((line) => (
              <tr
                key={line.id}
                className="block rounded-xl border border-slate-200 bg-white p-4 sm:table-row sm:border-0 sm:p-0"
              >
                <Cell label="Item">
                  <MarkdownInline text={line.description} />
                </Cell>
                <Cell label="Quantity">{line.quantity}</Cell>
                <Cell label="Unit price">{format.money(line.unit_price_minor, o.currency)}</Cell>
                <Cell label="Amount">{format.money(line.total_minor, o.currency)}</Cell>
              </tr>
            ))}
          </ResponsiveTable>
          <p className="mt-3 text-right text-lg font-semibold text-slate-900">
            Total {format.money(o.total_minor, o.currency)}
          </p>
        </div>
      )}
      <Card title="Progress">
        <ol className="space-y-3">
          {o.history.map((h, i) => (
            <li key={i} className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
              <span className="shrink-0 text-sm text-slate-600 sm:w-44">{format.dateTime(h.at)}</span>
              <span className="text-slate-900">
                {statusText[h.status] ?? h.status}
                {h.note && <span className="text-slate-700"> — {h.note}</span>}
              </span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
