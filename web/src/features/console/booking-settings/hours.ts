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
  online: OnlineDraft;
}

/** The "Online booking" card: who books how, how far ahead, and what reminds them. */
export interface OnlineDraft {
  publicBooking: boolean;
  requiresConfirmation: boolean;
  newClientStatus: 'lead' | 'active';
  minNotice: string;
  maxDaysAhead: string;
  bufferBefore: string;
  bufferAfter: string;
  /** Minutes before the start, largest first. */
  reminders: number[];
  smsNotices: boolean;
}

export const MAX_REMINDERS = 5;
export const REMINDER_MIN = 5;
export const REMINDER_MAX = 20160;

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
    online: {
      publicBooking: settings.public_booking,
      requiresConfirmation: settings.requires_confirmation,
      newClientStatus: settings.new_client_status,
      minNotice: String(settings.min_notice_minutes),
      maxDaysAhead: String(settings.max_days_ahead),
      bufferBefore: String(settings.buffer_before_minutes),
      bufferAfter: String(settings.buffer_after_minutes),
      reminders: sortReminders(settings.reminder_offsets_minutes),
      smsNotices: settings.sms_notices,
    },
  };
}

export function sortReminders(list: number[]): number[] {
  return [...new Set(list)].sort((a, b) => b - a);
}

/** A whole number between `min` and `max`, or null. */
export function wholeIn(value: string, min: number, max: number): number | null {
  const v = value.trim();
  if (!/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n >= min && n <= max ? n : null;
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
  const o = d.online;
  if (wholeIn(o.minNotice, 0, 43200) === null) p.min_notice_minutes = t('consoleBooking.minNoticeInvalid');
  if (wholeIn(o.maxDaysAhead, 1, 730) === null) p.max_days_ahead = t('consoleBooking.maxDaysInvalid');
  if (wholeIn(o.bufferBefore, 0, 240) === null) p.buffer_before_minutes = t('consoleBooking.bufferInvalid');
  if (wholeIn(o.bufferAfter, 0, 240) === null) p.buffer_after_minutes = t('consoleBooking.bufferInvalid');
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
    public_booking: d.online.publicBooking,
    requires_confirmation: d.online.requiresConfirmation,
    new_client_status: d.online.newClientStatus,
    min_notice_minutes: Number(d.online.minNotice.trim()),
    max_days_ahead: Number(d.online.maxDaysAhead.trim()),
    buffer_before_minutes: Number(d.online.bufferBefore.trim()),
    buffer_after_minutes: Number(d.online.bufferAfter.trim()),
    reminder_offsets_minutes: d.online.reminders,
    sms_notices: d.online.smsNotices,
  };
}

/** The weekday's name in `locale`; 1 is Monday. */
export function weekdayName(weekday: number, locale: string): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday, 12)),
  );
}
