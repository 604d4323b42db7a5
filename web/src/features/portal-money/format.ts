/** Small formatting rules of the money pages. */

/** Basis points as a percentage in the tenant's locale: 2000 → "20%", 550 → "5.5%". */
export function percent(bp: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}

/** A file name from a title: "Design agreement 2026" → "Design-agreement-2026.pdf". */
export function pdfName(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80);
  return `${stem || 'document'}.pdf`;
}
