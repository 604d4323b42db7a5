/**
 * A duration as a person types it, in minutes: "90" (minutes), "1:30" or "1h30" (hours and
 * minutes), "1.5h" or "2h" (hours). `null` when it is not one.
 */
export function parseDuration(text: string): number | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, '');
  if (!s) return null;
  let m = /^(\d+)(?:m|min)?$/.exec(s);
  if (m) return Number(m[1]);
  m = /^(\d+)(?::|h)(\d{1,2})(?:m|min)?$/.exec(s);
  if (m) return Number(m[2]) < 60 ? Number(m[1]) * 60 + Number(m[2]) : null;
  m = /^(\d+(?:[.,]\d+)?)h$/.exec(s);
  if (m) return Math.round(Number(m[1]!.replace(',', '.')) * 60);
  return null;
}

/** Minutes as "h:mm", the way the field shows them back. */
export function minutesToInput(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * What `minutes` at `rateMinor` per hour come to, in minor units, rounded half to even as
 * the API rounds it (105 min at 85.50/h is 149.625 → 149.62).
 */
export function amountOf(minutes: number, rateMinor: number): number {
  const exact = minutes * rateMinor;
  const whole = Math.floor(exact / 60);
  const rest = exact - whole * 60;
  if (rest * 2 < 60) return whole;
  if (rest * 2 > 60) return whole + 1;
  return whole % 2 === 0 ? whole : whole + 1;
}
