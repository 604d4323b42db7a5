import { t } from '@/lib/i18n';

/** Dates in the tenant's locale and timezone, whatever the viewer's device says. */
export function formatDateTime(iso: string | null | undefined, locale: string, timeZone: string): string {
  if (!iso) return '—';
  const date = new Date(iso.endsWith('Z') || /[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  if (Number.isNaN(date.getTime())) return '—';
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
      date,
    );
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
      date,
    );
  }
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (
    ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() ||
    '?'
  );
}

/** A date-only value ("2026-12-01") written out, without any timezone shift. */
export function formatDay(day: string | null | undefined, locale: string): string {
  if (!day) return '—';
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, d),
  );
}

/** Parts of an instant in a timezone: the weekday and date line, and the time. */
export function formatParts(
  iso: string,
  locale: string,
  timeZone: string,
): { day: string; time: string; dayKey: string } {
  const date = new Date(iso);
  const safe = (opts: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(locale, { ...opts, timeZone }).format(date);
    } catch {
      return new Intl.DateTimeFormat('en', { ...opts, timeZone: 'UTC' }).format(date);
    }
  };
  return {
    day: safe({ weekday: 'long', day: 'numeric', month: 'long' }),
    time: safe({ hour: '2-digit', minute: '2-digit' }),
    dayKey: safe({ year: 'numeric', month: '2-digit', day: '2-digit' }),
  };
}

/** Today's date ("2026-11-25") on the clock of `timeZone`. */
export function todayIn(timeZone: string, now = new Date()): string {
  return localDay(now.toISOString(), timeZone);
}

/** The calendar date ("2026-11-25") of an instant on the clock of `timeZone`. */
export function localDay(iso: string, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

/** `day` ("2026-11-25") plus `n` calendar days. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + n)).toISOString().slice(0, 10);
}

/** A file size the way people read it: "820 bytes", "48 KB", "3.2 MB". */
export function formatBytes(bytes: number, locale = 'en'): string {
  const number = (n: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  if (bytes < 1000) return t('common.size.bytes', { size: number(bytes, 0) });
  if (bytes < 1_000_000) return t('common.size.kb', { size: number(bytes / 1000, 0) });
  if (bytes < 1_000_000_000) return t('common.size.mb', { size: number(bytes / 1_000_000, 1) });
  return t('common.size.gb', { size: number(bytes / 1_000_000_000, 1) });
}
