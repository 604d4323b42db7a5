import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { messageOf } from '@/api/problem';
import { ErrorState, Loading, PageHeader, useToast } from '@/components/ui';
import { createOrder, useOrderSaved, useTenant, type CreateServiceOrder } from './api';
import { emptyLine } from './lines';
import { fractionDigits } from '@/lib/money';
import { OrderForm } from './OrderForm';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';

export function NewOrderPage() {
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  const t = useT();
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useOrderSaved();
  const create = useMutation({
    mutationFn: (body: CreateServiceOrder) => createOrder(body),
    onSuccess: (order) => {
      saved(order);
      toast(t('consoleOrders.createdToast', { reference: order.reference, client: order.client_name }));
      navigate(`/app/orders/${order.id}`);
    },
  });
  const header = (
    <PageHeader title={t('consoleOrders.new')} description={t('consoleOrders.newDescription')} />
  );
  if (tenant.isPending) return <Loading label={t('consoleOrders.loadingForm')} />;
  if (tenant.isError) {
    return (
      <div className="max-w-3xl">
        {header}
        <ErrorState
          title={t('consoleOrders.loadFormFailed')}
          message={messageOf(tenant.error)}
          onRetry={() => void tenant.refetch()}
        />
      </div>
    );
  }
  const { currency } = tenant.data;
  return (
    <div className="max-w-4xl">
      {header}
      <OrderForm
        initial={{ client: null, title: '', description: '', lines: [emptyLine()], due: '' }}
        currency={currency}
        locale={locale}
        digits={fractionDigits(currency, locale)}
        submitLabel={t('consoleOrders.create')}
        cancelTo="/app/orders"
        busy={create.isPending}
        error={create.error}
        onSubmit={(v) =>
          create.mutate({
            client_id: v.client_id,
            title: v.title,
            description: v.description ?? undefined,
            lines: v.lines,
            estimated_completion: v.estimated_completion ?? undefined,
          })
        }
      />
    </div>
  );
}
