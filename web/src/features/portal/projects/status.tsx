import { Badge } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import type { ProjectStatus as Status } from './api';

type Tone = 'amber' | 'blue' | 'green' | 'grey' | 'red';

const project: Record<Status, [Tone, string]> = {
  planned: ['grey', 'portalProjects.status.planned'],
  active: ['blue', 'portalProjects.status.active'],
  on_hold: ['amber', 'portalProjects.status.onHold'],
  completed: ['green', 'portalProjects.status.completed'],
  cancelled: ['grey', 'portalProjects.status.cancelled'],
};

export function ProjectStatus({ status }: { status: Status }) {
  const t = useT();
  const known = project[status];
  return <Badge tone={known?.[0] ?? 'grey'}>{known ? t(known[1]) : status}</Badge>;
}

const deliverable: Record<string, [Tone, string]> = {
  in_progress: ['blue', 'portalProjectsDeliverables.status.inProgress'],
  submitted: ['amber', 'portalProjectsDeliverables.status.submitted'],
  approved: ['green', 'portalProjectsDeliverables.status.approved'],
  changes_requested: ['red', 'portalProjectsDeliverables.status.changesRequested'],
};

export function DeliverableStatus({ status }: { status: string }) {
  const t = useT();
  const known = deliverable[status];
  return <Badge tone={known?.[0] ?? 'grey'}>{known ? t(known[1]) : status}</Badge>;
}
