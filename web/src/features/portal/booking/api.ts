import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type BookingOptions = components['schemas']['BookingOptions'];
export type BookAppointment = components['schemas']['BookAppointment'];

export function useBookingOptions(slug: string) {
  return useQuery({
    queryKey: ['portal', slug, 'booking'],
    queryFn: () => call(api.GET('/api/v1/portal/booking')),
    retry: false,
  });
}

export function useBookingSlots(
  slug: string,
  query: { service_id: string; staff_id?: string; from: string; to: string } | null,
) {
  return useQuery({
    queryKey: ['portal', slug, 'booking', 'slots', query],
    queryFn: () => call(api.GET('/api/v1/portal/booking/slots', { params: { query: query! } })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export const bookAppointment = (body: BookAppointment) =>
  call(api.POST('/api/v1/portal/appointments', { body }));
