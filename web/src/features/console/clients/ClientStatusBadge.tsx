import { Badge } from '@/components/ui';
import type { ClientStatus } from './api';

const looks: Record<ClientStatus, { tone: 'amber' | 'blue' | 'grey'; label: string }> = {
  lead: { tone: 'amber', label: 'Lead' },
  active: { tone: 'blue', label: 'Active' },
  archived: { tone: 'grey', label: 'Archived' },
};

export function ClientStatusBadge({ status }: { status: ClientStatus }) {
  const look = looks[status];
  return <Badge tone={look.tone}>{look.label}</Badge>;
}
