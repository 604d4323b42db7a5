import { t } from '@/lib/i18n';
import type { BookingSettings, UpdateBookingSettings, WeeklyHours } from './api';

export interface Interval {
  key: number;
  opens: string;
  closes: string;
}

/** The settings as the form edits them: each ISO weekday (Monday 1) with its opening intervals. */
export interface HoursDraft {
  days: Record<number, Interval[]>;
  closedDays: string[];
  cutoffHours: string;
  slotStep: string;
  location: string;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

let nextKey = 1;

export function interval(opens = '09:00', closes = '17:00'): Interval {
  return { key: nextKey++, opens, closes };
}

export function draftOf(settings: BookingSettings): HoursDraft {
  const days: Record<number, Interval[]> = {};
  for (const d of WEEKDAYS) days[d] = [];
  for (const h of [...settings.weekly_hours].sort((a, b) => a.opens.localeCompare(b.opens))) {
    days[h.weekday]?.push(interval(h.opens.slice(0, 5), h.closes.slice(0, 5)));
  }
  return {
    days,
    closedDays: [...settings.closed_days].sort(),
    cutoffHours: String(settings.cancellation_cutoff_hours),
    slotStep: String(settings.slot_step_minutes),
    location: settings.location ?? '',
  };
}

/** What is wrong, by field; empty when the draft can be saved. Interval problems are keyed by interval. */
export function problemsOf(d: HoursDraft): Record<string, string> {
  const p: Record<string, string> = {};
  for (const day of WEEKDAYS) {
    const list = [...(d.days[day] ?? [])].sort((a, b) => a.opens.localeCompare(b.opens));
    list.forEach((iv, i) => {
      if (!iv.opens || !iv.closes) p[`interval-${iv.key}`] = t('consoleBooking.bothTimes');
      else if (iv.opens >= iv.closes) p[`interval-${iv.key}`] = t('consoleBooking.closesBeforeOpens');
      else if (i > 0 && list[i - 1]!.closes > iv.opens)
        p[`interval-${iv.key}`] = t('consoleBooking.overlaps');
    });
  }
  if (!/^\d+$/.test(d.cutoffHours.trim())) p.cancellation_cutoff_hours = t('consoleBooking.cutoffInvalid');
  if (!/^\d+$/.test(d.slotStep.trim()) || Number(d.slotStep) < 1)
    p.slot_step_minutes = t('consoleBooking.slotStepInvalid');
  return p;
}

export function bodyOf(d: HoursDraft): UpdateBookingSettings {
  const weekly: WeeklyHours[] = WEEKDAYS.flatMap((weekday) =>
    [...(d.days[weekday] ?? [])]
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((iv) => ({ weekday, opens: iv.opens, closes: iv.closes })),
  );
  return {
    weekly_hours: weekly,
    closed_days: d.closedDays,
    cancellation_cutoff_hours: Number(d.cutoffHours.trim()),
    slot_step_minutes: Number(d.slotStep.trim()),
    location: d.location.trim() || null,
  };
}

/** The weekday's name in `locale`; 1 is Monday. */
export function weekdayName(weekday: number, locale: string): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday, 12)),
  );
}
