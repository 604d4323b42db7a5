/** Money in minor units (cents), shown with `Intl` in the business's locale. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = fractionDigits(currency, locale);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** digits);
  } catch {
    return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}

/**
 * Money with its ISO code rather than a symbol ("EUR 1,200.00"), for the moments a person
 * commits to an amount and "$" could mean several currencies.
 */
export function formatMoneyCode(minor: number, currency: string, locale: string): string {
  const digits = fractionDigits(currency, locale);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code' }).format(
      minor / 10 ** digits,
    );
  } catch {
    return `${currency} ${(minor / 10 ** digits).toFixed(digits)}`;
  }
}

/** How many minor units make one: 2 for EUR, 0 for JPY, 3 for KWD. */
export function fractionDigits(currency: string, locale = 'en'): number {
  try {
    return (
      new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/**
 * An amount as a person types it ("12", "12.5", "12,50", "1.234,50", "1,234.50") in minor
 * units, or `null` when it is not one. Exact: no floating-point rounding.
 */
export function parseMoney(text: string, digits: number): number | null {
  let s = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!s) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  const sep = Math.max(lastDot, lastComma);
  if (lastDot >= 0 && lastComma >= 0) {
    // Both: the last one separates the decimals, the other groups thousands.
    s = s.slice(0, sep).replace(/[.,]/g, '') + '.' + s.slice(sep + 1);
  } else if (sep >= 0) {
    const decimals = s.length - sep - 1;
    const once = s.indexOf(s[sep]!) === sep;
    // "1,234" or "1.234.567" group thousands; "12,5" and "12.50" have decimals.
    s =
      once && decimals !== 3
        ? s.replace(/[.,]/, '.')
        : decimals === 3 && digits !== 3
          ? s.replace(/[.,]/g, '')
          : s.replace(',', '.');
  }
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return null;
  const fraction = m[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** Minor units as the plain number a person would type back ("12.50"). */
export function minorToInput(minor: number, digits: number): string {
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
}

/** "45 min", "1 h", "1 h 30 min". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** Basis points as a percentage in the locale: 2000 → "20%", 550 → "5.5%". */
export function percent(bp: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}

/** A quantity as the API writes it ("1.500") without trailing zeros, in the locale. */
export function formatQuantity(q: string | number, locale: string): string {
  const n = Number(q);
  return Number.isFinite(n)
    ? new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(n)
    : String(q);
}
