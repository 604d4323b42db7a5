import { useMutation, useQueryClient } from '@tanstack/react-query';
import { messageOf } from '@/api/problem';
import {
  Alert,
  Badge,
  Button,
  Cell,
  EmptyState,
  ErrorState,
  Loading,
  ResponsiveTable,
  useToast,
} from '@/components/ui';
import { useFormatDate } from '@/lib/console-queries';
import { useT } from '@/lib/i18n/hooks';
import { deliveriesKey, resendDelivery, useDeliveries, type WebhookDelivery } from './api';

/** Every attempt to deliver to one endpoint, newest first, each with a way to send it again. */
export function DeliveryLog({ endpointId, enabled }: { endpointId: string; enabled: boolean }) {
  const t = useT();
  const log = useDeliveries(endpointId);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  if (log.isPending) return <Loading label={t('consoleWebhooks.loadingLog')} />;
  if (log.isError && !log.data) {
    return (
      <ErrorState
        title={t('consoleWebhooks.loadLogError')}
        message={messageOf(log.error)}
        onRetry={() => void log.refetch()}
      />
    );
  }
  if (items.length === 0) {
    return (
      <EmptyState title={t('consoleWebhooks.logEmptyTitle')}>{t('consoleWebhooks.logEmptyBody')}</EmptyState>
    );
  }
  return (
    <div>
      <ResponsiveTable
        columns={[
          t('consoleWebhooks.column.time'),
          t('consoleWebhooks.column.event'),
          t('consoleWebhooks.column.attempt'),
          t('consoleWebhooks.column.result'),
          t('consoleWebhooks.column.duration'),
          '',
        ]}
      >
        {items.map((delivery) => (
          <DeliveryRow key={delivery.id} endpointId={endpointId} delivery={delivery} enabled={enabled} />
        ))}
      </ResponsiveTable>
      {log.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button variant="secondary" busy={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('consoleWebhooks.loadOlder')}
          </Button>
        </div>
      )}
    </div>
  );
}

function DeliveryRow({
  endpointId,
  delivery,
  enabled,
}: {
  endpointId: string;
  delivery: WebhookDelivery;
  enabled: boolean;
}) {
  const t = useT();
  const format = useFormatDate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const resend = useMutation({
    mutationFn: () => resendDelivery(endpointId, delivery.id),
    onSuccess: () => {
      toast(t('consoleWebhooks.resentToast'));
      void queryClient.invalidateQueries({ queryKey: deliveriesKey(endpointId) });
    },
  });
  return (
    <tr className="block rounded-xl border border-slate-200 bg-white p-4 align-top shadow-sm sm:table-row sm:rounded-none sm:border-0 sm:p-0 sm:shadow-none">
      <Cell label={t('consoleWebhooks.column.time')}>{format(delivery.at)}</Cell>
      <Cell label={t('consoleWebhooks.column.event')}>
        <code className="text-sm">{delivery.event_type}</code>
        <span className="block text-xs break-all text-slate-500">{delivery.message_id}</span>
      </Cell>
      <Cell label={t('consoleWebhooks.column.attempt')}>{delivery.attempt}</Cell>
      <Cell label={t('consoleWebhooks.column.result')}>
        <span className="flex flex-col items-end gap-1 sm:items-start">
          <Badge tone={delivery.delivered ? 'green' : 'red'}>
            {t(delivery.delivered ? 'consoleWebhooks.delivered' : 'consoleWebhooks.failed', {
              code: delivery.status_code ?? t('consoleWebhooks.noAnswer'),
            })}
          </Badge>
          {delivery.error && <span className="text-xs break-all text-slate-600">{delivery.error}</span>}
        </span>
      </Cell>
      <Cell label={t('consoleWebhooks.column.duration')}>
        {t('consoleWebhooks.durationMs', { ms: delivery.duration_ms })}
      </Cell>
      <Cell label={t('consoleWebhooks.column.actions')}>
        <span className="flex flex-col items-end gap-1 sm:items-start">
          <Button
            variant="secondary"
            busy={resend.isPending}
            disabled={!enabled}
            aria-label={t('consoleWebhooks.resendLabel', {
              event: delivery.event_type,
              attempt: delivery.attempt,
              at: format(delivery.at),
            })}
            onClick={() => resend.mutate()}
          >
            {t('consoleWebhooks.resend')}
          </Button>
          {resend.isError && <Alert tone="error">{messageOf(resend.error)}</Alert>}
        </span>
      </Cell>
    </tr>
  );
}
