import { formatDateTime, formatParts, localDay } from '@/lib/format';
import { usePortalFormat } from '@/lib/portal';
import { useClientZone } from '@/lib/portal-zone';

/**
 * Appointment dates and times on the client's clock (their profile's zone, else their browser's),
 * in the reader's language, like the booking pages and the reschedule picker show them.
 * `differs` says whether the business's zone should be named too. `ready` is false while the
 * client's profile (which holds their zone) is still loading, so that no time is shown on one
 * clock and then jumps to another; a profile that fails to load does not hold the page back.
 */
export function useClientTimes() {
  const { locale } = usePortalFormat();
  const { zone, businessZone, differs, ready } = useClientZone();
  return {
    zone,
    businessZone,
    differs,
    locale,
    ready,
    /** "Tuesday 1 December" and "09:00". */
    parts: (iso: string) => formatParts(iso, locale, zone),
    /** "1 Dec 2026, 09:00". */
    dateTime: (iso: string | null | undefined) => formatDateTime(iso, locale, zone),
    /** The calendar date ("2026-12-01") of an instant, on the client's clock. */
    day: (iso: string) => localDay(iso, zone),
  };
}
