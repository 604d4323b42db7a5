import { Badge } from '@/components/ui';
import type { EndpointStatus } from './api';

const STATUS: Record<EndpointStatus, { label: string; tone: 'blue' | 'red' | 'grey' }> = {
  active: { label: 'Active', tone: 'blue' },
  failing: { label: 'Failing', tone: 'red' },
  disabled: { label: 'Disabled', tone: 'grey' },
};

export function EndpointStatusBadge({ status }: { status: EndpointStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}
