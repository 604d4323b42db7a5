import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type Review = components['schemas']['Review'];
export type ReviewStatus = Review['status'];

// Every key starts with 'console' so logging out of the console forgets them all.
export const reviewKeys = {
  all: ['console', 'reviews'] as const,
  list: (status: ReviewStatus) => ['console', 'reviews', 'list', status] as const,
};

export function useReviews(status: ReviewStatus) {
  return useInfiniteQuery({
    queryKey: reviewKeys.list(status),
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/reviews', { params: { query: { status, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** After a review moves, every tab's list may have changed. */
export function useReviewMoved() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: reviewKeys.all });
}

export function approveReview(id: string) {
  return call(api.POST('/api/v1/reviews/{id}/approve', { params: { path: { id } } }));
}

export function rejectReview(id: string) {
  return call(api.POST('/api/v1/reviews/{id}/reject', { params: { path: { id } } }));
}

export { useTenant } from '@/lib/console-queries';
