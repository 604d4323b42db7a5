import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components, paths } from '@/api/schema';
import type { JsonBody } from '@/lib/json-body';

export type Appointment = components['schemas']['Appointment'];
export type AppointmentStatus = Appointment['status'];
export type Service = components['schemas']['Service'];
export type SlotList = components['schemas']['SlotList'];
export type Slot = SlotList['slots'][number];
export type StaffMember = components['schemas']['StaffMember'];

export type CreateAppointment = JsonBody<paths['/api/v1/appointments']['post']>;
export type UpdateAppointment = JsonBody<paths['/api/v1/appointments/{id}']['patch']>;
export type ChangeAppointmentStatus = JsonBody<paths['/api/v1/appointments/{id}/status']['post']>;

export interface AppointmentFilters {
  /** The first instant (RFC 3339), or '' for no lower bound. */
  from: string;
  /** The instant after the last (RFC 3339), or '' for no upper bound. */
  to: string;
  status: string;
  staffId: string;
  /** Only this client's, or '' for everyone's. */
  clientId?: string;
}

// Every key starts with 'console' so logging out of the console forgets them all.
export const appointmentKeys = {
  all: ['console', 'appointments'] as const,
  lists: ['console', 'appointments', 'list'] as const,
  list: (f: AppointmentFilters) => ['console', 'appointments', 'list', f] as const,
  detail: (id: string) => ['console', 'appointments', 'detail', id] as const,
  slots: (id: string, from: string, to: string) =>
    ['console', 'appointments', 'slots', id, from, to] as const,
  /** Free times for a new appointment: under 'slots' too, so a change of hours makes them stale. */
  newSlots: (serviceId: string, staffId: string, from: string, to: string) =>
    ['console', 'appointments', 'slots', 'new', serviceId, staffId, from, to] as const,
};

/** Whose free times: moving an existing appointment, or booking a new one. */
export type SlotSource = { appointmentId: string } | { serviceId: string; staffId: string };

export function useAppointments(filters: AppointmentFilters) {
  return useInfiniteQuery({
    queryKey: appointmentKeys.list(filters),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/appointments', {
          params: {
            query: {
              from: filters.from || undefined,
              to: filters.to || undefined,
              status: (filters.status || undefined) as AppointmentStatus | undefined,
              staff_id: filters.staffId || undefined,
              client_id: filters.clientId || undefined,
              limit: 100,
              cursor: pageParam,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useAppointment(id: string) {
  return useQuery({
    queryKey: appointmentKeys.detail(id),
    queryFn: () => call(api.GET('/api/v1/appointments/{id}', { params: { path: { id } } })),
  });
}

export function useSlots(source: SlotSource, from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey:
      'appointmentId' in source
        ? appointmentKeys.slots(source.appointmentId, from, to)
        : appointmentKeys.newSlots(source.serviceId, source.staffId, from, to),
    queryFn: () =>
      'appointmentId' in source
        ? call(
            api.GET('/api/v1/appointments/{id}/slots', {
              params: { path: { id: source.appointmentId }, query: { from, to } },
            }),
          )
        : call(
            api.GET('/api/v1/availability', {
              params: {
                query: {
                  service_id: source.serviceId,
                  staff_id: source.staffId || undefined,
                  from,
                  to,
                },
              },
            }),
          ),
    enabled,
  });
}

/** Puts an appointment the server just returned into the cache, and marks the lists stale. */
export function useAppointmentSaved() {
  const queryClient = useQueryClient();
  return (appointment: Appointment) => {
    queryClient.setQueryData(appointmentKeys.detail(appointment.id), appointment);
    void queryClient.invalidateQueries({ queryKey: appointmentKeys.lists });
    void queryClient.invalidateQueries({ queryKey: ['console', 'appointments', 'slots', appointment.id] });
    void queryClient.invalidateQueries({ queryKey: ['console', 'appointments', 'slots', 'new'] });
  };
}

export function createAppointment(body: CreateAppointment) {
  return call(api.POST('/api/v1/appointments', { body }));
}

export function updateAppointment(id: string, body: UpdateAppointment) {
  return call(api.PATCH('/api/v1/appointments/{id}', { params: { path: { id } }, body }));
}

export function changeAppointmentStatus(id: string, body: ChangeAppointmentStatus) {
  return call(api.POST('/api/v1/appointments/{id}/status', { params: { path: { id } }, body }));
}

/** The services that can be booked now. */
export function useServices() {
  return useQuery({
    queryKey: ['console', 'services', 'active'],
    queryFn: async () => listOf(await call(api.GET('/api/v1/services'))),
  });
}

/** A list the server sends either bare or as `{ items }`. */
function listOf<T>(data: T[] | { items: T[] }): T[] {
  return Array.isArray(data) ? data : data.items;
}

/** Clients whose name, email or company contains `q`, for picking one. */

export { useConsoleMe, useStaffList, useTenant } from '@/lib/console-queries';
