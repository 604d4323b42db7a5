import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type PortalAppointment = components['schemas']['PortalAppointment'];
export type PortalAppointmentDetail = components['schemas']['PortalAppointmentDetail'];
export type Slot = components['schemas']['SlotList']['slots'][number];
export type PortalReview = components['schemas']['PortalReview'];
export type PublicReviews = components['schemas']['PublicReviews'];

const keys = {
  appointments: (slug: string) => ['portal', slug, 'appointments'] as const,
  appointment: (slug: string, id: string) => ['portal', slug, 'appointments', 'one', id] as const,
  dashboard: (slug: string) => ['portal', slug, 'dashboard'] as const,
  reviews: (slug: string) => ['portal', slug, 'reviews'] as const,
};

export function usePortalAppointments(slug: string, when: 'upcoming' | 'past', limit = 20) {
  return useInfiniteQuery({
    queryKey: [...keys.appointments(slug), when, limit],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/portal/appointments', { params: { query: { when, limit, cursor: pageParam } } })),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export function usePortalAppointment(slug: string, id: string) {
  return useQuery({
    queryKey: keys.appointment(slug, id),
    queryFn: () => call(api.GET('/api/v1/portal/appointments/{id}', { params: { path: { id } } })),
  });
}

export function useSlots(id: string, from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: ['portal', 'slots', id, from, to],
    queryFn: () =>
      call(
        api.GET('/api/v1/portal/appointments/{id}/slots', { params: { path: { id }, query: { from, to } } }),
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** After any change to an appointment, every list and the dashboard may read differently. */
export function useAppointmentChanged(slug: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: keys.appointments(slug) });
    void queryClient.invalidateQueries({ queryKey: keys.dashboard(slug) });
  };
}

export const cancelAppointment = (id: string, reason: string | null) =>
  call(api.POST('/api/v1/portal/appointments/{id}/cancel', { params: { path: { id } }, body: { reason } }));

export const rescheduleAppointment = (id: string, starts_at: string) =>
  call(
    api.POST('/api/v1/portal/appointments/{id}/reschedule', {
      params: { path: { id } },
      body: { starts_at },
    }),
  );

export const reviewAppointment = (id: string, rating: number, text: string | null) =>
  call(
    api.POST('/api/v1/portal/appointments/{id}/review', { params: { path: { id } }, body: { rating, text } }),
  );

export function usePortalDashboard(slug: string) {
  return useQuery({
    queryKey: keys.dashboard(slug),
    queryFn: () => call(api.GET('/api/v1/portal/dashboard')),
  });
}

/** The client's own reviews, with where each stands. */
export function useMyReviews(slug: string) {
  return useQuery({
    queryKey: keys.reviews(slug),
    queryFn: () => call(api.GET('/api/v1/portal/reviews')),
  });
}

/** The business's published reviews, for anyone (the portal's front page). */
export function usePublicReviews(slug: string) {
  return useQuery({
    queryKey: ['portal', slug, 'public-reviews'],
    queryFn: () => call(api.GET('/api/v1/portal/{slug}/reviews', { params: { path: { slug } } })),
  });
}
