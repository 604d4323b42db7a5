import { t } from '@/lib/i18n';
import type { TaskStatus } from './api';

const TASK_COLUMN_KEYS: Record<TaskStatus, string> = {
  todo: 'portalProjects.column.todo',
  in_progress: 'portalProjects.column.inProgress',
  review: 'portalProjects.column.review',
  query: 'portalProjects.column.query',
  done: 'portalProjects.column.done',
  cancelled: 'portalProjects.column.cancelled',
};

/** The board's column names, as a client reads them. */
export const taskColumn = (status: TaskStatus): string => t(TASK_COLUMN_KEYS[status]);
