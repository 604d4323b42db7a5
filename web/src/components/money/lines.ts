/**
 * A quote's or invoice's lines (or a quote template's) as the editor holds them (what the
 * person typed), and the preview of their amounts. The preview follows the server's rule exactly — each line's net
 * (quantity × unit price × (1 − discount)) and tax (net × rate) rounded half to even on their
 * own, then summed — but the server's totals are the ones that count, shown after saving.
 */
import type { components } from '@/api/schema';
import { t } from '@/lib/i18n';
import { minorToInput, parseMoney } from '@/lib/money';

type Line = components['schemas']['Line'];
type LineInput = components['schemas']['LineInput'];

export interface LineDraft {
  key: number;
  description: string;
  quantity: string;
  unitPrice: string;
  /** Percent, e.g. "20" or "5.5"; blank is no tax. */
  taxRate: string;
  /** Percent off, e.g. "10"; blank is none. */
  discount: string;
}

export type LineField = Exclude<keyof LineDraft, 'key'>;
export type LineProblems = Record<number, Partial<Record<LineField, string>>>;

/** The most lines a document may hold (the API's limit). */
export const MAX_LINES = 200;
const MAX_QUANTITY_MILLI = 1_000_000_000;
const MAX_UNIT_PRICE_MINOR = 10_000_000_000;

let nextKey = 1;

export function emptyLine(taxRate = ''): LineDraft {
  return { key: nextKey++, description: '', quantity: '1', unitPrice: '', taxRate, discount: '' };
}

/** Basis points as the percentage a person types: 2000 → "20", 550 → "5.5", 0 → "". */
export function bpToInput(bp: number): string {
  if (!bp) return '';
  return (bp / 100).toFixed(2).replace(/\.?0+$/, '');
}

/** A saved line, or a line as a template holds it, as the editor shows it. */
export function lineDraftOf(line: Line | LineInput, digits: number): LineDraft {
  return {
    key: nextKey++,
    description: line.description,
    quantity: String(line.quantity),
    unitPrice: minorToInput(line.unit_price_minor, digits),
    taxRate: bpToInput(line.tax_rate_bp ?? 0),
    discount: bpToInput(line.discount_bp ?? 0),
  };
}

/** "1", "1.5", "0,333" → thousandths (1000, 1500, 333); `null` unless above 0, at most a million, 3 decimals. */
export function parseQuantity(text: string): number | null {
  const t = text.trim().replace(',', '.');
  const m = /^(\d{1,7})(?:\.(\d{1,3}))?$/.exec(t);
  if (!m) return null;
  const milli = Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
  return milli > 0 && milli <= MAX_QUANTITY_MILLI ? milli : null;
}

/** Thousandths as the API reads a quantity: 1500 → "1.5". */
export function quantityText(milli: number): string {
  const whole = Math.floor(milli / 1000);
  const fraction = String(milli % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** "20", "5.5", "7,25" → basis points (2000, 550, 725); blank is 0; `null` unless 0–100 with 2 decimals. */
export function parsePercent(text: string): number | null {
  const t = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!t) return 0;
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** `n / d` rounded half to even, as the server rounds; `d > 0`. */
export function roundHalfEven(n: bigint, d: bigint): bigint {
  let q = n / d;
  let r = n % d;
  if (r < 0n) {
    q -= 1n;
    r += d;
  }
  const twice = r * 2n;
  if (twice < d) return q;
  if (twice > d) return q + 1n;
  return q % 2n === 0n ? q : q + 1n;
}

/** One line's net and tax in minor units, each rounded half to even (the API's `compute_line`). */
export function computeLine(
  quantityMilli: number,
  unitPriceMinor: number,
  taxRateBp: number,
  discountBp: number,
): { net: number; tax: number } {
  const gross = BigInt(quantityMilli) * BigInt(unitPriceMinor) * BigInt(10_000 - discountBp);
  const net = roundHalfEven(gross, 10_000_000n);
  const tax = roundHalfEven(net * BigInt(taxRateBp), 10_000n);
  return { net: Number(net), tax: Number(tax) };
}

export interface ParsedLine {
  description: string;
  quantityMilli: number;
  unitPriceMinor: number;
  taxRateBp: number;
  discountBp: number;
}

/** The line read as numbers, or `null` while something in it is not one yet. */
export function parseLine(line: LineDraft, digits: number): ParsedLine | null {
  const quantityMilli = parseQuantity(line.quantity);
  const unitPriceMinor = parseMoney(line.unitPrice, digits);
  const taxRateBp = parsePercent(line.taxRate);
  const discountBp = parsePercent(line.discount);
  if (quantityMilli === null || unitPriceMinor === null || taxRateBp === null || discountBp === null)
    return null;
  if (unitPriceMinor > MAX_UNIT_PRICE_MINOR) return null;
  return { description: line.description.trim(), quantityMilli, unitPriceMinor, taxRateBp, discountBp };
}

/** The line's net amount, or `null` while it cannot be read. */
export function lineNet(line: LineDraft, digits: number): number | null {
  const p = parseLine(line, digits);
  return p && computeLine(p.quantityMilli, p.unitPriceMinor, p.taxRateBp, p.discountBp).net;
}

export interface TotalsPreview {
  subtotal_minor: number;
  taxes: { rate_bp: number; taxable_minor: number; amount_minor: number }[];
  tax_minor: number;
  total_minor: number;
}

/** The totals the server will compute for these lines; lines that cannot be read count for nothing. */
export function previewTotals(lines: LineDraft[], digits: number): TotalsPreview {
  const byRate = new Map<number, { taxable: number; amount: number }>();
  let subtotal = 0;
  let tax = 0;
  for (const line of lines) {
    const p = parseLine(line, digits);
    if (!p) continue;
    const math = computeLine(p.quantityMilli, p.unitPriceMinor, p.taxRateBp, p.discountBp);
    subtotal += math.net;
    tax += math.tax;
    if (p.taxRateBp > 0) {
      const entry = byRate.get(p.taxRateBp) ?? { taxable: 0, amount: 0 };
      entry.taxable += math.net;
      entry.amount += math.tax;
      byRate.set(p.taxRateBp, entry);
    }
  }
  return {
    subtotal_minor: subtotal,
    taxes: [...byRate.entries()]
      .sort(([a], [b]) => a - b)
      .map(([rate_bp, e]) => ({ rate_bp, taxable_minor: e.taxable, amount_minor: e.amount })),
    tax_minor: tax,
    total_minor: subtotal + tax,
  };
}

function isBlank(line: LineDraft): boolean {
  return !line.description.trim() && !line.unitPrice.trim();
}

/**
 * Where each line of the editor lands in what `lineInputs` sends (blank lines are dropped),
 * so a server error about `lines[1]` reaches the right line; `-1` for a blank one.
 */
export function sentIndexes(lines: LineDraft[]): number[] {
  let next = 0;
  return lines.map((line) => (isBlank(line) ? -1 : next++));
}

/** What is wrong with each line, by its key; empty when the lines can be saved. */
export function lineProblems(lines: LineDraft[], digits: number): LineProblems {
  const problems: LineProblems = {};
  for (const line of lines) {
    if (isBlank(line)) continue;
    const p: Partial<Record<LineField, string>> = {};
    if (!line.description.trim()) p.description = t('consoleBilling.line.descriptionMissing');
    if (parseQuantity(line.quantity) === null) p.quantity = t('consoleBilling.line.quantityInvalid');
    const unit = parseMoney(line.unitPrice, digits);
    if (unit === null || unit > MAX_UNIT_PRICE_MINOR)
      p.unitPrice = digits
        ? t('consoleBilling.line.unitPriceInvalid')
        : t('consoleBilling.line.unitPriceInvalidWhole');
    if (parsePercent(line.taxRate) === null)
      p.taxRate = t('consoleBilling.line.percentInvalid', { example: '20' });
    if (parsePercent(line.discount) === null)
      p.discount = t('consoleBilling.line.percentInvalid', { example: '10' });
    if (Object.keys(p).length) problems[line.key] = p;
  }
  return problems;
}

/** The lines to send: blank ones dropped, amounts in minor units, rates in basis points. */
export function lineInputs(lines: LineDraft[], digits: number): LineInput[] {
  return lines
    .filter((line) => !isBlank(line))
    .map((line) => ({
      description: line.description.trim(),
      quantity: quantityText(parseQuantity(line.quantity) ?? 0),
      unit_price_minor: parseMoney(line.unitPrice, digits) ?? 0,
      tax_rate_bp: parsePercent(line.taxRate) ?? 0,
      discount_bp: parsePercent(line.discount) ?? 0,
    }));
}
