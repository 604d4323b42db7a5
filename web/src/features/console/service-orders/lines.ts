import type { LineInput, OrderLine } from './api';
import { t } from '@/lib/i18n';
import { minorToInput, parseMoney } from '@/lib/money';

/** A line as the editor holds it: what the person typed, parsed only for totals and saving. */
export interface LineDraft {
  key: number;
  description: string;
  quantity: string;
  unitPrice: string;
}

let nextKey = 1;

export function emptyLine(): LineDraft {
  return { key: nextKey++, description: '', quantity: '1', unitPrice: '' };
}

export function lineDraftOf(line: OrderLine, digits: number): LineDraft {
  return {
    key: nextKey++,
    description: line.description,
    quantity: String(line.quantity),
    unitPrice: minorToInput(line.unit_price_minor, digits),
  };
}

/** A whole number of at least 1, or `null`. */
export function parseQuantity(text: string): number | null {
  const s = text.trim();
  return /^\d+$/.test(s) && Number(s) >= 1 ? Number(s) : null;
}

/** The line's total in minor units, or `null` while its quantity or price is not a number yet. */
export function lineTotal(line: LineDraft, digits: number): number | null {
  const quantity = parseQuantity(line.quantity);
  const unit = parseMoney(line.unitPrice, digits);
  return quantity === null || unit === null ? null : quantity * unit;
}

/** The sum of the lines that can be read; blank lines count for nothing. */
export function linesTotal(lines: LineDraft[], digits: number): number {
  return lines.reduce((sum, line) => sum + (lineTotal(line, digits) ?? 0), 0);
}

function isBlank(line: LineDraft): boolean {
  return !line.description.trim() && !line.unitPrice.trim();
}

/** What is wrong with each line, by its key; empty when the lines can be saved. */
export function lineProblems(
  lines: LineDraft[],
  digits: number,
): Record<number, Partial<Record<keyof LineDraft, string>>> {
  const problems: Record<number, Partial<Record<keyof LineDraft, string>>> = {};
  for (const line of lines) {
    if (isBlank(line)) continue;
    const p: Partial<Record<keyof LineDraft, string>> = {};
    if (!line.description.trim()) p.description = t('consoleOrders.lineDescriptionMissing');
    if (parseQuantity(line.quantity) === null) p.quantity = t('consoleOrders.lineQuantityInvalid');
    if (parseMoney(line.unitPrice, digits) === null)
      p.unitPrice = digits ? t('consoleOrders.linePriceInvalid') : t('consoleOrders.linePriceInvalidWhole');
    if (Object.keys(p).length) problems[line.key] = p;
  }
  return problems;
}

/** The lines to send: blank ones dropped, amounts in minor units. */
export function lineInputs(lines: LineDraft[], digits: number): LineInput[] {
  return lines
    .filter((line) => !isBlank(line))
    .map((line) => ({
      description: line.description.trim(),
      quantity: parseQuantity(line.quantity) ?? 0,
      unit_price_minor: parseMoney(line.unitPrice, digits) ?? 0,
    }));
}
