import type { Appointment } from './api';
import { zonedDate } from './zoned';

/** Appointments by the day they start on in `timeZone`, days and times in order. */
export function groupByDay(items: Appointment[], timeZone: string): [string, Appointment[]][] {
  const days = new Map<string, Appointment[]>();
  for (const a of [...items].sort((x, y) => Date.parse(x.starts_at) - Date.parse(y.starts_at))) {
    const day = zonedDate(a.starts_at, timeZone);
    days.set(day, [...(days.get(day) ?? []), a]);
  }
  return [...days.entries()].sort(([x], [y]) => x.localeCompare(y));
}
