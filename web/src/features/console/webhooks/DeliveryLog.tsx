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
import { deliveriesKey, resendDelivery, useDeliveries, type WebhookDelivery } from './api';

/** Every attempt to deliver to one endpoint, newest first, each with a way to send it again. */
export function DeliveryLog({ endpointId, enabled }: { endpointId: string; enabled: boolean }) {
  const log = useDeliveries(endpointId);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  if (log.isPending) return <Loading label="Loading the delivery log…" />;
  if (log.isError && !log.data) {
    return (
      <ErrorState
        title="The delivery log could not be loaded"
        message={messageOf(log.error)}
        onRetry={() => void log.refetch()}
      />
    );
  }
  if (items.length === 0) {
    return (
      <EmptyState title="Nothing sent yet">
        Each attempt to deliver an event appears here, with the answer your endpoint gave. Send a test event
        to try it.
      </EmptyState>
    );
  }
  return (
    <div>
      <ResponsiveTable columns={['Time', 'Event', 'Attempt', 'Result', 'Duration', '']}>
        {items.map((delivery) => (
          <DeliveryRow key={delivery.id} endpointId={endpointId} delivery={delivery} enabled={enabled} />
        ))}
      </ResponsiveTable>
      {log.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button variant="secondary" busy={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            Load older attempts
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
  const format = useFormatDate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const resend = useMutation({
    mutationFn: () => resendDelivery(endpointId, delivery.id),
    onSuccess: () => {
      toast('Sent again — the new attempt appears here in a few seconds');
      void queryClient.invalidateQueries({ queryKey: deliveriesKey(endpointId) });
    },
  });
  return (
    <tr className="block rounded-xl border border-slate-200 bg-white p-4 align-top shadow-sm sm:table-row sm:rounded-none sm:border-0 sm:p-0 sm:shadow-none">
      <Cell label="Time">{format(delivery.at)}</Cell>
      <Cell label="Event">
        <code className="text-sm">{delivery.event_type}</code>
        <span className="block text-xs break-all text-slate-500">{delivery.message_id}</span>
      </Cell>
      <Cell label="Attempt">{delivery.attempt}</Cell>
      <Cell label="Result">
        <span className="flex flex-col items-end gap-1 sm:items-start">
          <Badge tone={delivery.delivered ? 'green' : 'red'}>
            {delivery.status_code ?? 'No answer'} {delivery.delivered ? 'Delivered' : 'Failed'}
          </Badge>
          {delivery.error && <span className="text-xs break-all text-slate-600">{delivery.error}</span>}
        </span>
      </Cell>
      <Cell label="Duration">{delivery.duration_ms} ms</Cell>
      <Cell label="Actions">
        <span className="flex flex-col items-end gap-1 sm:items-start">
          <Button
            variant="secondary"
            busy={resend.isPending}
            disabled={!enabled}
            aria-label={`Resend ${delivery.event_type} attempt ${delivery.attempt} from ${format(delivery.at)}`}
            onClick={() => resend.mutate()}
          >
            Resend
          </Button>
          {resend.isError && <Alert tone="error">{messageOf(resend.error)}</Alert>}
        </span>
      </Cell>
    </tr>
  );
}
