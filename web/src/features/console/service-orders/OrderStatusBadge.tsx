import { Badge } from '@/components/ui';
import type { OrderStatus } from './api';
import { statusLooks } from './statuses';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const look = statusLooks[status] ?? { tone: 'grey', label: status };
  return <Badge tone={look.tone}>{look.label}</Badge>;
}
