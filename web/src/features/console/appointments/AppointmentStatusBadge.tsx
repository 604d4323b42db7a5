import { Badge } from '@/components/ui';
import type { AppointmentStatus } from './api';
import { statusLooks } from './statuses';

export function AppointmentStatusBadge({ status }: { status: AppointmentStatus }) {
  const look = statusLooks[status] ?? { tone: 'grey', label: status };
  return <Badge tone={look.tone}>{look.label}</Badge>;
}
