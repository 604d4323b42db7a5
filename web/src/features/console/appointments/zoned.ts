import { t } from '@/lib/i18n';

/**
 * Wall-clock dates and times in the business's time zone, whatever the viewer's device says.
 * Plain dates are `YYYY-MM-DD` strings and times `HH:MM`; instants are `Date`s or RFC 3339.
 */

const DAY = 86_400_000;

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsIn(instant: number, timeZone: string): Wall {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(timeZone, format);
  }
  const get = (type: string) =>
    Number(format.formatToParts(new Date(instant)).find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
}

/** How far ahead of UTC the zone's clocks are at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

function parseDate(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function parseTime(time: string): [number, number] {
  const m = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!m) throw new RangeError(`Not a time: ${time}`);
  return [Number(m[1]), Number(m[2])];
}

/**
 * The instant when clocks in `timeZone` show `date` at `time`.
 *
 * Around daylight-saving changes it does what calendars do (and `Temporal`'s "compatible"):
 * a time that happens twice (clocks go back) means the first one; a time that is skipped
 * (clocks go forward) moves forward by the gap, so 02:30 on a spring-forward night is 03:30.
 */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = parseDate(date);
  const [h, mi] = parseTime(time);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const fits = [wall - before, wall - after].filter(
    (candidate, i) => offsetAt(candidate, timeZone) === (i === 0 ? before : after),
  );
  if (fits.length > 0) return new Date(Math.min(...fits));
  // Skipped: read the wall time with the offset in force before the change.
  return new Date(wall - before);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The date clocks in `timeZone` show at `instant`, as `YYYY-MM-DD`. */
export function zonedDate(instant: Date | string, timeZone: string): string {
  const p = partsIn(new Date(instant).getTime(), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The time clocks in `timeZone` show at `instant`, as `HH:MM`. */
export function zonedTime(instant: Date | string, timeZone: string): string {
  const p = partsIn(new Date(instant).getTime(), timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY).toISOString().slice(0, 10);
}

/** The Monday of the ISO week holding `date`. */
export function mondayOf(date: string): string {
  const [y, m, d] = parseDate(date);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(date, -weekday);
}

export function isDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = parseDate(value);
  const back = new Date(Date.UTC(y, m - 1, d));
  return back.getUTCMonth() === m - 1 && back.getUTCDate() === d;
}

/** A plain date written out in `locale`, e.g. "Monday 30 November". */
export function formatDay(
  date: string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' },
): string {
  const [y, m, d] = parseDate(date);
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d, 12)),
  );
}

/** The time of `instant` in `timeZone`, written the way `locale` writes times. */
export function formatTime(instant: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(new Date(instant));
}

/** A business's time zone and locale, to show its times as its team reads them. */
export interface Zone {
  timeZone: string;
  locale: string;
}

/** "Monday 3 March, 10:00 – 11:00", in the business's time zone. */
export function formatWhen(a: { starts_at: string; ends_at: string }, { timeZone, locale }: Zone): string {
  return t('consoleAppointments.when', {
    day: formatDay(zonedDate(a.starts_at, timeZone), locale),
    start: formatTime(a.starts_at, locale, timeZone),
    end: formatTime(a.ends_at, locale, timeZone),
  });
}
