import { Badge } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';

type Tone = 'amber' | 'blue' | 'green' | 'grey' | 'red';

const appointment: Record<string, [Tone, string]> = {
  pending: ['amber', 'portalAppointments.status.pending'],
  confirmed: ['blue', 'portalAppointments.status.confirmed'],
  completed: ['green', 'portalAppointments.status.completed'],
  cancelled: ['grey', 'portalAppointments.status.cancelled'],
  no_show: ['red', 'portalAppointments.status.noShow'],
};

export function AppointmentStatus({ status }: { status: string }) {
  const t = useT();
  const known = appointment[status];
  if (!known) return <Badge tone="grey">{status}</Badge>;
  const [tone, key] = known;
  return <Badge tone={tone}>{t(key)}</Badge>;
}
