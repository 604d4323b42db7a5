import type { TaskStatus } from './api';

/** The board's column names, as a client reads them. */
export const taskColumn: Record<TaskStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  review: 'Review',
  query: 'Waiting on you',
  done: 'Done',
  cancelled: 'Cancelled',
};
