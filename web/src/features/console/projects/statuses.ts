import type { DeliverableStatus, ProjectStatus, TaskStatus } from './api';

type Tone = 'amber' | 'blue' | 'green' | 'grey' | 'red';

export const projectStatusLooks: Record<ProjectStatus, { tone: Tone; label: string }> = {
  planned: { tone: 'amber', label: 'Planned' },
  active: { tone: 'blue', label: 'Active' },
  on_hold: { tone: 'amber', label: 'On hold' },
  completed: { tone: 'green', label: 'Completed' },
  cancelled: { tone: 'grey', label: 'Cancelled' },
};

export const PROJECT_STATUSES = Object.keys(projectStatusLooks) as ProjectStatus[];

export const taskStatusLooks: Record<TaskStatus, { tone: Tone; label: string }> = {
  todo: { tone: 'grey', label: 'To do' },
  in_progress: { tone: 'blue', label: 'In progress' },
  review: { tone: 'blue', label: 'In review' },
  query: { tone: 'amber', label: 'Question to client' },
  done: { tone: 'green', label: 'Done' },
  cancelled: { tone: 'grey', label: 'Cancelled' },
};

export const TASK_STATUSES = Object.keys(taskStatusLooks) as TaskStatus[];

export const deliverableStatusLooks: Record<DeliverableStatus, { tone: Tone; label: string }> = {
  in_progress: { tone: 'grey', label: 'In progress' },
  submitted: { tone: 'amber', label: 'Waiting for the client' },
  approved: { tone: 'green', label: 'Approved' },
  changes_requested: { tone: 'red', label: 'Changes requested' },
};
