import { t } from '@/lib/i18n';
import type { DeliverableStatus, ProjectStatus, TaskStatus } from './api';

type Tone = 'amber' | 'blue' | 'green' | 'grey' | 'red';
type Look = { tone: Tone; key: string };

const projectLooks: Record<ProjectStatus, Look> = {
  planned: { tone: 'amber', key: 'consoleProjects.status.planned' },
  active: { tone: 'blue', key: 'consoleProjects.status.active' },
  on_hold: { tone: 'amber', key: 'consoleProjects.status.onHold' },
  completed: { tone: 'green', key: 'consoleProjects.status.completed' },
  cancelled: { tone: 'grey', key: 'consoleProjects.status.cancelled' },
};

export const PROJECT_STATUSES = Object.keys(projectLooks) as ProjectStatus[];

const taskLooks: Record<TaskStatus, Look> = {
  todo: { tone: 'grey', key: 'consoleProjects.taskStatus.todo' },
  in_progress: { tone: 'blue', key: 'consoleProjects.taskStatus.inProgress' },
  review: { tone: 'blue', key: 'consoleProjects.taskStatus.review' },
  query: { tone: 'amber', key: 'consoleProjects.taskStatus.query' },
  done: { tone: 'green', key: 'consoleProjects.taskStatus.done' },
  cancelled: { tone: 'grey', key: 'consoleProjects.taskStatus.cancelled' },
};

export const TASK_STATUSES = Object.keys(taskLooks) as TaskStatus[];

const deliverableLooks: Record<DeliverableStatus, Look> = {
  in_progress: { tone: 'grey', key: 'consoleProjects.deliverableStatus.inProgress' },
  submitted: { tone: 'amber', key: 'consoleProjects.deliverableStatus.submitted' },
  approved: { tone: 'green', key: 'consoleProjects.deliverableStatus.approved' },
  changes_requested: { tone: 'red', key: 'consoleProjects.deliverableStatus.changesRequested' },
};

/** A status's colour and its name in the reader's language; an unknown status shows as it is. */
function lookOf<S extends string>(looks: Record<S, Look>, status: S): { tone: Tone; label: string } {
  const look = looks[status] as Look | undefined;
  return look ? { tone: look.tone, label: t(look.key) } : { tone: 'grey', label: status };
}

export const projectStatusLook = (status: ProjectStatus) => lookOf(projectLooks, status);
export const taskStatusLook = (status: TaskStatus) => lookOf(taskLooks, status);
export const deliverableStatusLook = (status: DeliverableStatus) => lookOf(deliverableLooks, status);
