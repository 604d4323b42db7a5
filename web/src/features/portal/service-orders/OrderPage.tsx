import { Link, useParams } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { Card, Cell, ErrorState, Loading, ResponsiveTable } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { usePortalOrder } from './api';
import { OrderStatus } from './status';
import { MarkdownInline, MarkdownView } from '@/components/Markdown';

/** A step of the order's progress, as the history lists it. */
const STEP_KEYS: Record<string, string> = {
  received: 'portalOrders.step.received',
  in_progress: 'portalOrders.step.inProgress',
  ready: 'portalOrders.step.ready',
  delivered: 'portalOrders.step.delivered',
  cancelled: 'portalOrders.step.cancelled',
};

export function OrderPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { slug, base } = usePortal();
  const format = usePortalFormat();
  const order = usePortalOrder(slug, id);
  const back = (
    <Link
      to={`${base}/orders`}
      className="text-sm font-medium text-brand-ink underline-offset-2 hover:underline"
    >
      {t('portalOrders.backToAll')}
    </Link>
  );
  if (order.isPending) return <Loading label={t('portalOrders.loadingOne')} />;
  if (order.isError) {
    const missing = order.error instanceof ApiProblem && order.error.status === 404;
    return (
      <div className="max-w-2xl space-y-4">
        <ErrorState
          title={missing ? t('portalOrders.notFound') : t('portalOrders.loadFailed')}
          message={messageOf(order.error)}
          onRetry={missing ? undefined : () => void order.refetch()}
        />
        {back}
      </div>
    );
  }
  const o = order.data;
  const step = (status: string) => {
    const key = STEP_KEYS[status];
    return key ? t(key) : status;
  };
  const col = {
    item: t('portalOrders.item'),
    quantity: t('portalOrders.quantity'),
    unitPrice: t('portalOrders.unitPrice'),
    amount: t('portalOrders.amount'),
  };
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
          <p className="mt-1 text-slate-700">
            {t('portalOrders.expected', { date: format.day(o.estimated_completion) })}
          </p>
        )}
      </div>
      {o.status === 'ready' && (
        <div
          role="status"
          className="rounded-xl border border-green-200 bg-green-50 p-4 font-medium text-green-900"
        >
          {t('portalOrders.ready')}
        </div>
      )}
      {o.description && (
        <Card title={t('portalOrders.details')}>
          <MarkdownView text={o.description} />
        </Card>
      )}
      {o.lines.length > 0 && (
        <div>
          <ResponsiveTable columns={[col.item, col.quantity, col.unitPrice, col.amount]}>
            {o.lines.map((line) => (
              <tr
                key={line.id}
                className="block rounded-xl border border-slate-200 bg-white p-4 sm:table-row sm:border-0 sm:p-0"
              >
                <Cell label={col.item}>
                  <MarkdownInline text={line.description} />
                </Cell>
                <Cell label={col.quantity}>{line.quantity}</Cell>
                <Cell label={col.unitPrice}>{format.money(line.unit_price_minor, o.currency)}</Cell>
                <Cell label={col.amount}>{format.money(line.total_minor, o.currency)}</Cell>
              </tr>
            ))}
          </ResponsiveTable>
          <p className="mt-3 text-right text-lg font-semibold text-slate-900">
            {t('portalOrders.total', { amount: format.money(o.total_minor, o.currency) })}
          </p>
        </div>
      )}
      <Card title={t('portalOrders.progress')}>
        <ol className="space-y-3">
          {o.history.map((h, i) => (
            <li key={i} className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
              <span className="shrink-0 text-sm text-slate-600 sm:w-44">{format.dateTime(h.at)}</span>
              <span className="text-slate-900">
                {step(h.status)}
                {h.note && <span className="text-slate-700"> — {h.note}</span>}
              </span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
