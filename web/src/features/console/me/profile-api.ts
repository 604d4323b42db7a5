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
