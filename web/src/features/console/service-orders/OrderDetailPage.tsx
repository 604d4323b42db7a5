import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { messageOf } from '@/api/problem';
import {
  Alert,
  Button,
  Card,
  Cell,
  ConfirmButton,
  ErrorState,
  Loading,
  ResponsiveTable,
  useToast,
} from '@/components/ui';
import { useFormatDate } from '@/lib/console-queries';
import {
  changeOrderStatus,
  useOrder,
  useOrderSaved,
  useTenant,
  type OrderStatus,
  type ServiceOrder,
} from './api';
import { formatMoney } from '@/lib/money';
import { OrderStatusBadge } from './OrderStatusBadge';
import { canCancel, formatPlainDate, movedMessage, NEXT } from './statuses';
import { MarkdownInline, MarkdownView } from '@/components/Markdown';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
import { Rich } from '@/lib/i18n/Rich';

export function OrderDetailPage() {
  const { id = '' } = useParams();
  const order = useOrder(id);
  const t = useT();
  return (
    <div>
      <Link to="/app/orders" className="mb-4 inline-block text-sm font-medium text-slate-700 hover:underline">
        {t('consoleOrders.backToList')}
      </Link>
      {order.isPending ? (
        <Loading label={t('consoleOrders.loadingOne')} />
      ) : order.isError ? (
        <ErrorState
          title={t('consoleOrders.loadOneFailed')}
          message={messageOf(order.error)}
          onRetry={() => void order.refetch()}
        />
      ) : (
        <OrderDetail order={order.data} />
      )}
    </div>
  );
}

function OrderDetail({ order }: { order: ServiceOrder }) {
  const t = useT();
  const tenant = useTenant();
  const format = useFormatDate();
  const locale = useFormatLocale(tenant.data?.locale);
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm font-semibold text-slate-600">{order.reference}</p>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">
              {order.title}
            </h1>
            <OrderStatusBadge status={order.status} />
          </div>
          <p className="mt-1 text-slate-600">
            <Rich
              text={t('consoleOrders.forClient', { client: order.client_name })}
              tags={{
                link: (chunk) => (
                  <Link
                    to={`/app/clients/${order.client_id}`}
                    className="text-slate-900 underline underline-offset-2"
                  >
                    {chunk}
                  </Link>
                ),
              }}
            />
          </p>
        </div>
        {order.status !== 'delivered' && order.status !== 'cancelled' && (
          <Link
            to={`/app/orders/${order.id}/edit`}
            className="inline-flex min-h-10 items-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50"
          >
            {t('consoleOrders.edit')}
          </Link>
        )}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t('consoleOrders.details')}>
            <dl className="grid gap-4 text-sm sm:grid-cols-3">
              <Item label={t('consoleOrders.created')}>{format(order.created_at)}</Item>
              <Item label={t('consoleOrders.estimatedCompletion')}>
                {order.estimated_completion
                  ? formatPlainDate(order.estimated_completion, locale)
                  : t('consoleOrders.notSet')}
              </Item>
              <Item label={t('consoleOrders.total')}>{money(order.total_minor)}</Item>
            </dl>
            {order.description && <MarkdownView text={order.description} className="mt-4 text-slate-900" />}
          </Card>
          <section aria-labelledby="order-lines">
            <h2 id="order-lines" className="mb-2 text-base font-semibold text-slate-900">
              {t('consoleOrders.lines')}
            </h2>
            {order.lines.length === 0 ? (
              <p className="text-sm text-slate-600">{t('consoleOrders.noLines')}</p>
            ) : (
              <ResponsiveTable
                columns={[
                  t('consoleOrders.description'),
                  t('consoleOrders.quantity'),
                  t('consoleOrders.unitPrice'),
                  t('consoleOrders.total'),
                ]}
              >
                {order.lines.map((line) => (
                  <tr
                    key={line.id}
                    className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:table-row sm:rounded-none sm:border-0 sm:p-0 sm:shadow-none"
                  >
                    <td className="block pb-2 font-medium text-slate-900 sm:table-cell sm:px-4 sm:py-3">
                      <MarkdownInline text={line.description} />
                    </td>
                    <Cell label={t('consoleOrders.quantity')}>{line.quantity}</Cell>
                    <Cell label={t('consoleOrders.unitPrice')}>{money(line.unit_price_minor)}</Cell>
                    <Cell label={t('consoleOrders.total')}>{money(line.total_minor)}</Cell>
                  </tr>
                ))}
              </ResponsiveTable>
            )}
            <p className="mt-3 text-right text-base text-slate-900">
              {t('consoleOrders.orderTotal')}{' '}
              <span className="font-semibold">{money(order.total_minor)}</span>
            </p>
          </section>
          <Card title={t('consoleOrders.history')}>
            {order.history.length === 0 ? (
              <p className="text-sm text-slate-600">{t('consoleOrders.historyEmpty')}</p>
            ) : (
              <ol className="space-y-3">
                {[...order.history].reverse().map((h, i) => (
                  <li key={`${h.at}-${i}`} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
                    <time dateTime={h.at} className="text-slate-600">
                      {format(h.at)}
                    </time>
                    <OrderStatusBadge status={h.status} />
                    {h.note && (
                      <span className="w-full text-slate-800 sm:w-auto">
                        {t('consoleOrders.historyNote', { note: h.note })}
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
        <div>
          <StatusActions order={order} />
        </div>
      </div>
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="mt-0.5 font-medium text-slate-900">{children}</dd>
    </div>
  );
}

function StatusActions({ order }: { order: ServiceOrder }) {
  const t = useT();
  const toast = useToast();
  const saved = useOrderSaved();
  const [note, setNote] = useState('');
  const [cancelNote, setCancelNote] = useState('');
  const change = useMutation({
    mutationFn: (body: { status: OrderStatus; note?: string }) => changeOrderStatus(order.id, body),
    onSuccess: (updated) => {
      saved(updated);
      setNote('');
      toast(movedMessage(updated));
    },
  });
  const next = NEXT[order.status];
  const cancellable = canCancel(order.status);
  const cancelQuestion = (
    <>
      {t('consoleOrders.cancelQuestion', { reference: order.reference, client: order.client_name })}
      <label className="mt-3 block font-medium">
        {t('consoleOrders.cancelNote')}
        <input
          type="text"
          value={cancelNote}
          onChange={(e) => setCancelNote(e.target.value)}
          className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-normal"
        />
      </label>
    </>
  );
  return (
    <Card title={t('consoleOrders.statusLabel')}>
      <div className="mb-4 flex items-center gap-2 text-sm text-slate-700">
        {t('consoleOrders.now')} <OrderStatusBadge status={order.status} />
      </div>
      {next || cancellable ? (
        <div className="flex flex-col items-stretch gap-3">
          {next && (
            <>
              <label className="block text-sm font-medium text-slate-800">
                {t('consoleOrders.historyNoteLabel')}
                <input
                  type="text"
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-normal"
                />
              </label>
              <Button
                busy={change.isPending && change.variables?.status === next.status}
                disabled={change.isPending}
                onClick={() => change.mutate({ status: next.status, note: note.trim() || undefined })}
              >
                {t(next.labelKey)}
              </Button>
            </>
          )}
          {cancellable && (
            <ConfirmButton
              label={t('consoleOrders.cancelOrder')}
              question={cancelQuestion}
              confirmLabel={t('consoleOrders.cancelOrder')}
              busy={change.isPending}
              onConfirm={() =>
                change.mutateAsync({ status: 'cancelled', note: cancelNote.trim() || undefined })
              }
            />
          )}
        </div>
      ) : (
        <p className="text-sm text-slate-600">
          {order.status === 'delivered'
            ? t('consoleOrders.closedDelivered')
            : t('consoleOrders.closedNoChange', { status: order.status })}
        </p>
      )}
      {change.isError && (
        <div className="mt-3">
          <Alert tone="error">{messageOf(change.error)}</Alert>
        </div>
      )}
    </Card>
  );
}
