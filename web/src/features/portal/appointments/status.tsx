import { Badge } from '@/components/ui';

type Tone = 'amber' | 'blue' | 'green' | 'grey' | 'red';

const appointment: Record<string, [Tone, string]> = {
  pending: ['amber', 'Awaiting confirmation'],
  confirmed: ['blue', 'Confirmed'],
  completed: ['green', 'Completed'],
  cancelled: ['grey', 'Cancelled'],
  no_show: ['red', 'Missed'],
};

export function AppointmentStatus({ status }: { status: string }) {
  const [tone, label] = appointment[status] ?? ['grey', status];
  return <Badge tone={tone}>{label}</Badge>;
}
