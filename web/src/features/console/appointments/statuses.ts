import type { AppointmentStatus } from './api';

export const statusLooks: Record<
  AppointmentStatus,
  { tone: 'amber' | 'blue' | 'green' | 'grey' | 'red'; label: string }
> = {
  pending: { tone: 'amber', label: 'Pending' },
  confirmed: { tone: 'blue', label: 'Confirmed' },
  completed: { tone: 'green', label: 'Completed' },
  cancelled: { tone: 'grey', label: 'Cancelled' },
  no_show: { tone: 'red', label: 'No-show' },
};

export const STATUSES = Object.keys(statusLooks) as AppointmentStatus[];
