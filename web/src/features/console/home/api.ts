import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type Home = components['schemas']['Home'];
export type HomeAppointment = components['schemas']['HomeAppointment'];
export type WaitingItem = components['schemas']['WaitingItem'];
export type OverdueInvoice = components['schemas']['OverdueInvoice'];
export type Outstanding = components['schemas']['Outstanding'];
export type HomeClient = components['schemas']['HomeClient'];
export type HomeSubmission = components['schemas']['HomeSubmission'];
export type UnreadThread = components['schemas']['UnreadThread'];
export type HomeActivity = components['schemas']['HomeActivity'];
type ActivityPage = components['schemas']['ActivityPage'];

// Every key starts with 'console' so logging out of the console forgets them all.
export const homeKey = ['console', 'home'] as const;

/**
 * The home page is one request. It is cached as a paged query of a single page so that the
 * activity feed, which reads paged logs, can show the same answer: both hooks below read
 * one cache entry and one request, and there is never a next page.
 */
const homeQuery = {
  queryKey: homeKey,
  queryFn: () => call(api.GET('/api/v1/home')),
  initialPageParam: undefined,
  getNextPageParam: () => undefined,
};

const onlyPage = (data: InfiniteData<Home, undefined>): Home => data.pages[0]!;

const activityPages = (data: InfiniteData<Home, undefined>): InfiniteData<ActivityPage, undefined> => ({
  pages: data.pages.map((home) => ({ items: home.recent_activity, next_cursor: null })),
  pageParams: data.pageParams,
});

/** What needs the team's attention today. */
export function useHome() {
  return useInfiniteQuery({ ...homeQuery, select: onlyPage });
}

/** The home page's latest activity, as a log `ActivityFeed` shows (it has no older page). */
export function useHomeActivity() {
  return useInfiniteQuery({ ...homeQuery, select: activityPages });
}
