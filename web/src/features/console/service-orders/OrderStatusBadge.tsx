import { Badge } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import type { OrderStatus } from './api';
import { statusLooks } from './statuses';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const t = useT();
  const look = statusLooks[status];
  return <Badge tone={look?.tone ?? 'grey'}>{look ? t(look.labelKey) : status}</Badge>;
}
