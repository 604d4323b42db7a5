import { Badge } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import type { ClientStatus } from './api';

const looks: Record<ClientStatus, { tone: 'amber' | 'blue' | 'grey'; labelKey: string }> = {
  lead: { tone: 'amber', labelKey: 'consoleClients.status.lead' },
  active: { tone: 'blue', labelKey: 'consoleClients.status.active' },
  archived: { tone: 'grey', labelKey: 'consoleClients.status.archived' },
};

export function ClientStatusBadge({ status }: { status: ClientStatus }) {
  const t = useT();
  const look = looks[status];
  return <Badge tone={look.tone}>{t(look.labelKey)}</Badge>;
}
