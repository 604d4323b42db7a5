import { localDay } from '@/lib/format';

/** Whole calendar days from `from` to `to`, both dates ("2026-12-09"). */
export function daysBetween(from: string, to: string): number {
  const utc = (day: string) => {
    const [y, m, d] = day.split('-').map(Number);
    return Date.UTC(y!, m! - 1, d!);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/**
 * How many calendar days before `today` an instant was, on the business's clock: 0 today,
 * 1 yesterday. Counted in days because that is how long a client has kept someone waiting.
 */
export function daysAgo(iso: string, today: string, timeZone: string): number {
  return Math.max(0, daysBetween(localDay(iso, timeZone), today));
}

/** The part of the day on the business's clock, to say good morning or good evening. */
export function partOfDay(timeZone: string, now = new Date()): 'morning' | 'afternoon' | 'evening' {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }).format(now),
  );
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 18) return 'afternoon';
  return 'evening';
}

/** The time of an instant on the business's clock ("09:30"). */
export function formatTime(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(
    new Date(iso),
  );
}

/** A date written out with its weekday ("Tuesday 9 December"). */
export function formatLongDay(day: string, locale: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(Date.UTC(y!, m! - 1, d!));
}
