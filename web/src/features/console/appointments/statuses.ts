import type { AppointmentStatus } from './api';

export const statusLooks: Record<
  AppointmentStatus,
  { tone: 'amber' | 'blue' | 'green' | 'grey' | 'red'; labelKey: string }
> = {
  pending: { tone: 'amber', labelKey: 'consoleAppointments.status.pending' },
  confirmed: { tone: 'blue', labelKey: 'consoleAppointments.status.confirmed' },
  completed: { tone: 'green', labelKey: 'consoleAppointments.status.completed' },
  cancelled: { tone: 'grey', labelKey: 'consoleAppointments.status.cancelled' },
  no_show: { tone: 'red', labelKey: 'consoleAppointments.status.noShow' },
};

export const STATUSES = Object.keys(statusLooks) as AppointmentStatus[];
