import { useQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type UpdateMe = components['schemas']['UpdateMe'];
export type EmailChangeStarted = components['schemas']['EmailChangeStarted'];

export const meKey = ['console', 'me'] as const;

export function updateMe(body: UpdateMe) {
  return call(api.PATCH('/api/v1/me', { body }));
}

/** Sends a code to the new address; nothing changes until it is confirmed. */
export function startEmailChange(email: string) {
  return call(api.POST('/api/v1/me/email', { body: { email } }));
}

export function confirmEmailChange(email: string, code: string) {
  return call(api.POST('/api/v1/me/email/confirm', { body: { email, code } }));
}

export type CalendarFeed = components['schemas']['CalendarFeed'];

// Under 'console', so logging out forgets it.
export const feedKey = ['console', 'me', 'calendar-feed'] as const;

/** Whether you have a calendar subscription of your appointments (never its URL). */
export function useCalendarFeed() {
  return useQuery({ queryKey: feedKey, queryFn: () => call(api.GET('/api/v1/me/calendar-feed')) });
}

/** A new subscription URL, in this answer only; an earlier one stops working. */
export function makeCalendarFeed() {
  return call(api.POST('/api/v1/me/calendar-feed'));
}

export function stopCalendarFeed() {
  return call(api.DELETE('/api/v1/me/calendar-feed'));
}
