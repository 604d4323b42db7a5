import { Badge } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';

type Tone = 'blue' | 'green' | 'grey';

const order: Record<string, [Tone, string]> = {
  received: ['grey', 'portalOrders.status.received'],
  in_progress: ['blue', 'portalOrders.status.inProgress'],
  ready: ['green', 'portalOrders.status.ready'],
  delivered: ['green', 'portalOrders.status.delivered'],
  cancelled: ['grey', 'portalOrders.status.cancelled'],
};

export function OrderStatus({ status }: { status: string }) {
  const t = useT();
  const known = order[status];
  if (!known) return <Badge tone="grey">{status}</Badge>;
  const [tone, key] = known;
  return <Badge tone={tone}>{t(key)}</Badge>;
}
