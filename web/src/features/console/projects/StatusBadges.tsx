import { Badge } from '@/components/ui';
import type { DeliverableStatus, ProjectStatus, TaskStatus } from './api';
import { deliverableStatusLooks, projectStatusLooks, taskStatusLooks } from './statuses';

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const look = projectStatusLooks[status] ?? { tone: 'grey', label: status };
  return <Badge tone={look.tone}>{look.label}</Badge>;
}

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const look = taskStatusLooks[status] ?? { tone: 'grey', label: status };
  return <Badge tone={look.tone}>{look.label}</Badge>;
}

export function DeliverableStatusBadge({ status }: { status: DeliverableStatus }) {
  const look = deliverableStatusLooks[status] ?? { tone: 'grey', label: status };
  return <Badge tone={look.tone}>{look.label}</Badge>;
}
