import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components, paths } from '@/api/schema';
import type { JsonBody } from '@/lib/json-body';

export type Service = components['schemas']['Service'];
export type BookingSettings = components['schemas']['BookingSettings'];
export type WeeklyHours = BookingSettings['weekly_hours'][number];

export type CreateService = JsonBody<paths['/api/v1/services']['post']>;
export type UpdateService = JsonBody<paths['/api/v1/services/{id}']['patch']>;
export type UpdateBookingSettings = JsonBody<paths['/api/v1/booking-settings']['put']>;

// Every key starts with 'console' so logging out of the console forgets them all.
export const bookingKeys = {
  services: ['console', 'services'] as const,
  allServices: ['console', 'services', 'all'] as const,
  settings: ['console', 'booking-settings'] as const,
};

/** A list the server sends either bare or as `{ items }`. */
function listOf<T>(data: T[] | { items: T[] }): T[] {
  return Array.isArray(data) ? data : data.items;
}

/** Every service, the ones no longer offered too. */
export function useAllServices() {
  return useQuery({
    queryKey: bookingKeys.allServices,
    queryFn: async () =>
      listOf(await call(api.GET('/api/v1/services', { params: { query: { include_inactive: true } } }))),
  });
}

export function useBookingSettings() {
  return useQuery({
    queryKey: bookingKeys.settings,
    queryFn: () => call(api.GET('/api/v1/booking-settings')),
  });
}

/** After a service changes, every list of services (the booking form's too) is stale. */
export function useServicesChanged() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: bookingKeys.services });
}

export function useSettingsSaved() {
  const queryClient = useQueryClient();
  return (settings: BookingSettings) => {
    queryClient.setQueryData(bookingKeys.settings, settings);
    // Free times depend on the hours.
    void queryClient.invalidateQueries({ queryKey: ['console', 'appointments', 'slots'] });
  };
}

export function createService(body: CreateService) {
  return call(api.POST('/api/v1/services', { body }));
}

export function updateService(id: string, body: UpdateService) {
  return call(api.PATCH('/api/v1/services/{id}', { params: { path: { id } }, body }));
}

export function saveBookingSettings(body: UpdateBookingSettings) {
  return call(api.PUT('/api/v1/booking-settings', { body }));
}

export { useConsoleMe, useTenant, isAdmin } from '@/lib/console-queries';
