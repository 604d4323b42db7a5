import { t } from '@/lib/i18n';

/** Where a client's review stands, in their words. */
const REVIEW_STATUS_KEYS: Record<string, string> = {
  pending: 'portalAppointments.review.pending',
  approved: 'portalAppointments.review.approved',
  rejected: 'portalAppointments.review.rejected',
};

/** The status in the reader's language; an unknown one as the API sent it. */
export function reviewStatus(status: string): string {
  const key = REVIEW_STATUS_KEYS[status];
  return key ? t(key) : status;
}
