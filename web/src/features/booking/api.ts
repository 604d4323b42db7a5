import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type BookingOptions = components['schemas']['BookingOptions'];
export type PublicBooking = components['schemas']['PublicBooking'];
export type BookingMade = components['schemas']['BookingMade'];
export type RequestBookingCode = components['schemas']['RequestBookingCode'];

/** The business's colours and logo, when it has a portal page (the booking page works without). */
export function usePublicBranding(slug: string) {
  return useQuery({
    queryKey: ['branding', slug],
    queryFn: () => call(api.GET('/api/v1/portal/{slug}', { params: { path: { slug } } })),
    retry: false,
    staleTime: 5 * 60_000,
  });
}

export function usePublicBookingOptions(slug: string) {
  return useQuery({
    queryKey: ['public-booking', slug],
    queryFn: () => call(api.GET('/api/v1/portal/{slug}/booking', { params: { path: { slug } } })),
    retry: false,
  });
}

export function usePublicSlots(
  slug: string,
  query: { service_id: string; staff_id?: string; from: string; to: string } | null,
) {
  return useQuery({
    queryKey: ['public-booking', slug, 'slots', query],
    queryFn: () =>
      call(api.GET('/api/v1/portal/{slug}/booking/slots', { params: { path: { slug }, query: query! } })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export const requestBookingCode = (slug: string, body: RequestBookingCode) =>
  call(api.POST('/api/v1/portal/{slug}/booking/code', { params: { path: { slug } }, body }));

export const makePublicBooking = (slug: string, body: PublicBooking) =>
  call(api.POST('/api/v1/portal/{slug}/bookings', { params: { path: { slug } }, body }));
