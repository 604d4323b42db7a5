import { Badge } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import type { EndpointStatus } from './api';

const STATUS: Record<EndpointStatus, { labelKey: string; tone: 'blue' | 'red' | 'grey' }> = {
  active: { labelKey: 'consoleWebhooks.status.active', tone: 'blue' },
  failing: { labelKey: 'consoleWebhooks.status.failing', tone: 'red' },
  disabled: { labelKey: 'consoleWebhooks.status.disabled', tone: 'grey' },
};

export function EndpointStatusBadge({ status }: { status: EndpointStatus }) {
  const t = useT();
  return <Badge tone={STATUS[status].tone}>{t(STATUS[status].labelKey)}</Badge>;
}
