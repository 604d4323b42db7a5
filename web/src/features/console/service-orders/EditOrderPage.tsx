import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { Alert, ErrorState, Loading, PageHeader, useToast } from '@/components/ui';
import {
  updateOrder,
  useOrder,
  useOrderSaved,
  useTenant,
  type ServiceOrder,
  type UpdateServiceOrder,
} from './api';
import { lineDraftOf } from './lines';
import { fractionDigits } from '@/lib/money';
import { OrderForm } from './OrderForm';
import { valuesOf, type OrderDraft, type OrderValues } from './orderDraft';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';

export function EditOrderPage() {
  const { id = '' } = useParams();
  const order = useOrder(id);
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  const t = useT();
  return (
    <div className="max-w-4xl">
      <Link
        to={`/app/orders/${id}`}
        className="mb-4 inline-block text-sm font-medium text-slate-700 hover:underline"
      >
        {t('consoleOrders.backToOrder')}
      </Link>
      {order.isPending || tenant.isPending ? (
        <Loading label={t('consoleOrders.loadingOne')} />
      ) : order.isError || tenant.isError ? (
        <ErrorState
          title={t('consoleOrders.loadOneFailed')}
          message={messageOf(order.error ?? tenant.error)}
          onRetry={() => {
            void order.refetch();
            void tenant.refetch();
          }}
        />
      ) : (
        <EditOrder key={order.data.updated_at} order={order.data} locale={locale} />
      )}
    </div>
  );
}

function EditOrder({ order, locale }: { order: ServiceOrder; locale: string }) {
  const t = useT();
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useOrderSaved();
  const digits = fractionDigits(order.currency, locale);
  const [initial] = useState<OrderDraft>(() => ({
    client: { id: order.client_id, name: order.client_name },
    title: order.title,
    description: order.description ?? '',
    lines: order.lines.map((l) => lineDraftOf(l, digits)),
    due: order.estimated_completion ?? '',
  }));
  const save = useMutation({
    mutationFn: (body: UpdateServiceOrder) => updateOrder(order.id, body),
    onSuccess: (updated) => {
      saved(updated);
      toast(t('consoleOrders.saved', { reference: updated.reference }));
      navigate(`/app/orders/${updated.id}`);
    },
  });
  const closed = order.status === 'delivered' || order.status === 'cancelled';

  /** Only what changed, so a save never overwrites a colleague's edit to another field. */
  const changes = (v: OrderValues): UpdateServiceOrder => {
    const before = valuesOf(initial, digits);
    const body: UpdateServiceOrder = {};
    if (v.title !== before.title) body.title = v.title;
    if (v.description !== before.description) body.description = v.description;
    if (JSON.stringify(v.lines) !== JSON.stringify(before.lines)) body.lines = v.lines;
    if (v.estimated_completion !== before.estimated_completion)
      body.estimated_completion = v.estimated_completion;
    return body;
  };

  return (
    <>
      <PageHeader
        title={t('consoleOrders.editTitle', { reference: order.reference })}
        description={t('consoleOrders.editDescription', { title: order.title, client: order.client_name })}
      />
      {closed ? (
        <Alert tone="info">{t('consoleOrders.closedNoEdit', { status: order.status })}</Alert>
      ) : (
        <OrderForm
          initial={initial}
          clientLocked
          currency={order.currency}
          locale={locale}
          digits={digits}
          submitLabel={t('consoleOrders.save')}
          cancelTo={`/app/orders/${order.id}`}
          busy={save.isPending}
          error={save.error}
          onSubmit={(v) => {
            const body = changes(v);
            if (Object.keys(body).length === 0) navigate(`/app/orders/${order.id}`);
            else save.mutate(body);
          }}
        />
      )}
    </>
  );
}
