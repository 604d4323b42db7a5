import { Badge } from '@/components/ui';
import type { ProjectStatus as Status } from './api';

type Tone = 'amber' | 'blue' | 'green' | 'grey' | 'red';

const project: Record<Status, [Tone, string]> = {
  planned: ['grey', 'Planned'],
  active: ['blue', 'In progress'],
  on_hold: ['amber', 'On hold'],
  completed: ['green', 'Completed'],
  cancelled: ['grey', 'Cancelled'],
};

export function ProjectStatus({ status }: { status: Status }) {
  const [tone, label] = project[status] ?? ['grey', status];
  return <Badge tone={tone}>{label}</Badge>;
}
