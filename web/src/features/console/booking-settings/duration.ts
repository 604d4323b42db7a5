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
