import { Badge } from '@/components/ui';
import type { DeliverableStatus, ProjectStatus, TaskStatus } from './api';
import { deliverableStatusLook, projectStatusLook, taskStatusLook } from './statuses';

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const look = projectStatusLook(status);
  return <Badge tone={look.tone}>{look.label}</Badge>;
}

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const look = taskStatusLook(status);
  return <Badge tone={look.tone}>{look.label}</Badge>;
}

export function DeliverableStatusBadge({ status }: { status: DeliverableStatus }) {
  const look = deliverableStatusLook(status);
  return <Badge tone={look.tone}>{look.label}</Badge>;
}
