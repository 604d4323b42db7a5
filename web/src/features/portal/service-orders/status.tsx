import { Badge } from '@/components/ui';

type Tone = 'blue' | 'green' | 'grey';

const order: Record<string, [Tone, string]> = {
  received: ['grey', 'Received'],
  in_progress: ['blue', 'In progress'],
  ready: ['green', 'Ready'],
  delivered: ['green', 'Delivered'],
  cancelled: ['grey', 'Cancelled'],
};

export function OrderStatus({ status }: { status: string }) {
  const [tone, label] = order[status] ?? ['grey', status];
  return <Badge tone={tone}>{label}</Badge>;
}
