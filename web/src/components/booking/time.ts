import type { components } from '@/api/schema';
import { addDays, localDay, todayIn } from '@/lib/format';
import { formatMoney } from '@/lib/money';

export type BookableService = components['schemas']['BookableService'];
export type BookableStaff = components['schemas']['BookableStaff'];

/** A service's price, or `free` when it costs nothing. */
export function servicePrice(
  s: Pick<BookableService, 'price_minor' | 'currency'>,
  locale: string,
  free: string,
): string {
  return s.price_minor === 0 ? free : formatMoney(s.price_minor, s.currency, locale);
}

export interface Slot {
  starts_at: string;
  ends_at: string;
}

/** Days shown at a time: two weeks. */
export const WINDOW_DAYS = 14;

/**
 * The business's dates to ask for so that the answer holds every free time of the reader's days
 * `from` … `from + days - 1` (the two clocks are at most a day and a bit apart), never before
 * the business's today. At most `days + 4` days, well inside the API's 31.
 */
export function businessRange(
  from: string,
  businessZone: string,
  days = WINDOW_DAYS,
  now = new Date(),
): { from: string; to: string } {
  const today = todayIn(businessZone, now);
  const start = addDays(from, -2);
  return { from: start < today ? today : start, to: addDays(from, days + 1) };
}

/** Slots by their day on `zone`'s clock, only days `from` … `from + days - 1`, in order. */
export function slotsByDay(
  slots: readonly Slot[],
  zone: string,
  from: string,
  days = WINDOW_DAYS,
): [string, Slot[]][] {
  const last = addDays(from, days - 1);
  const byDay = new Map<string, Slot[]>();
  for (const slot of [...slots].sort((a, b) => a.starts_at.localeCompare(b.starts_at))) {
    const day = localDay(slot.starts_at, zone);
    if (day < from || day > last) continue;
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }
  return [...byDay.entries()];
}

function safeFormat(locale: string, zone: string, options: Intl.DateTimeFormatOptions, iso: string) {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' }).format(new Date(iso));
  }
}

/** "Wed 2 Dec": a day button. */
export const shortDay = (iso: string, locale: string, zone: string) =>
  safeFormat(locale, zone, { weekday: 'short', day: 'numeric', month: 'short' }, iso);

/** "Wednesday 2 December". */
export const longDay = (iso: string, locale: string, zone: string) =>
  safeFormat(locale, zone, { weekday: 'long', day: 'numeric', month: 'long' }, iso);

/** "09:00". */
export const clockTime = (iso: string, locale: string, zone: string) =>
  safeFormat(locale, zone, { hour: '2-digit', minute: '2-digit' }, iso);

/** A plain date ("2026-12-02") written short, as the window's ends. */
export function plainDay(day: string, locale: string): string {
  return safeFormat(locale, 'UTC', { day: 'numeric', month: 'short' }, `${day}T12:00:00Z`);
}

export { todayIn };
