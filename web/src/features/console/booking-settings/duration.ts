import { t } from '@/lib/i18n';

/** "45 min", "1 h", "1 h 30 min" (in English). */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return t('consoleBooking.duration.minutes', { minutes: m });
  return m
    ? t('consoleBooking.duration.hoursMinutes', { hours: h, minutes: m })
    : t('consoleBooking.duration.hours', { hours: h });
}

/** A span written for reading: "2 days", "1 day 2 h", "1 h 30 min", "0 min". */
export function formatSpan(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const rest = minutes % 1440;
  if (!days) return formatDuration(rest);
  const d = t('consoleBooking.span.days', { days });
  return rest ? t('consoleBooking.span.daysAnd', { days: d, rest: formatDuration(rest) }) : d;
}
