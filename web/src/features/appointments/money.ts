/** Money in minor units (cents), shown with `Intl` in the business's locale. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = fractionDigits(currency, locale);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** digits);
  } catch {
    return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
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

/** "45 min", "1 h", "1 h 30 min". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}
