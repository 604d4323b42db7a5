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

const deliverable: Record<string, [Tone, string]> = {
  in_progress: ['blue', 'In progress'],
  submitted: ['amber', 'Waiting for your approval'],
  approved: ['green', 'Approved'],
  changes_requested: ['red', 'Changes requested'],
};

export function DeliverableStatus({ status }: { status: string }) {
  const [tone, label] = deliverable[status] ?? ['grey', status];
  return <Badge tone={tone}>{label}</Badge>;
}
