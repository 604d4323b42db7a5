import type { Appointment } from './api';

export function anAppointment(over: Partial<Appointment> = {}): Appointment {
  return {
    id: 'ap_1',
    client_id: 'cl_1',
    client_name: 'Maria Lopez',
    service_id: 'sv_1',
    service_name: 'Haircut',
    staff_id: 'st_1',
    staff_name: 'Anna Weber',
    starts_at: '2026-12-01T09:00:00Z',
    ends_at: '2026-12-01T09:45:00Z',
    status: 'confirmed',
    location: null,
    notes: null,
    cancel_reason: null,
    cancelled_by: null,
    created_at: '2026-11-20T10:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
    ...over,
  };
}

export const staffList = {
  items: [
    {
      id: 'st_1',
      name: 'Anna Weber',
      email: 'anna@studio-anna.com',
      role: 'owner',
      created_at: '2025-01-02T09:00:00Z',
    },
    {
      id: 'st_2',
      name: 'Jo Park',
      email: 'jo@studio-anna.com',
      role: 'member',
      created_at: '2025-01-02T09:00:00Z',
    },
  ],
};
