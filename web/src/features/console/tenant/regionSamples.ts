import { formatDateTime } from '@/lib/format';

/** A fixed moment, so the sample does not change while the person looks at it. */
const SAMPLE_AT = '2025-03-14T15:30:00Z';

export function isLocale(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale.trim()).length === 1;
  } catch {
    return false;
  }
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone.trim() });
    return zone.trim() !== '';
  } catch {
    return false;
  }
}

/** How a date reads for clients with these settings, or null when either setting is not valid. */
export function dateSample(locale: string, timeZone: string): string | null {
  if (!isLocale(locale) || !isTimeZone(timeZone)) return null;
  return formatDateTime(SAMPLE_AT, locale.trim(), timeZone.trim());
}

/** How an amount reads for clients, or null when the currency code is not a valid one. */
export function moneySample(locale: string, currency: string): string | null {
  if (!isLocale(locale) || !/^[A-Za-z]{3}$/.test(currency.trim())) return null;
  try {
    return new Intl.NumberFormat(locale.trim(), {
      style: 'currency',
      currency: currency.trim().toUpperCase(),
    }).format(1234.5);
  } catch {
    return null;
  }
}
