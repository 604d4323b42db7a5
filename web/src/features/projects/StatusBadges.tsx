import { Badge } from '@/components/ui';
import type { ProjectStatus, TaskStatus } from './api';
import { projectStatusLooks, taskStatusLooks } from './statuses';

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const look = projectStatusLooks[status] ?? { tone: 'grey', label: status };
  return <Badge tone={look.tone}>{look.label}</Badge>;
}

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const look = taskStatusLooks[status] ?? { tone: 'grey', label: status };
  return <Badge tone={look.tone}>{look.label}</Badge>;
}
