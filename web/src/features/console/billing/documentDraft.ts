import type { PickedClient } from '@/components/ClientPicker';
import { fractionDigits } from '@/lib/money';
import type { LineInput } from './api';
import { lineInputs, type LineDraft } from '@/components/money/lines';

/** A quote or invoice as its form holds it. */
export interface DocumentDraft {
  client: PickedClient | null;
  title: string;
  currency: string;
  notes: string;
  lines: LineDraft[];
  /** Date fields by their API name (`valid_until`, `issue_date`, `due_date`): `YYYY-MM-DD` or empty. */
  dates: Record<string, string>;
  /** A quote's project (the client's running project it is for): its id, or '' for none. */
  project?: string;
}

/** What the form hands over: trimmed, amounts in minor units, blanks as `null`. */
export interface DocumentValues {
  client_id: string;
  title: string;
  currency: string;
  notes: string | null;
  lines: LineInput[];
  dates: Record<string, string | null>;
  project_id: string | null;
}

export function digitsOf(currency: string, locale: string): number {
  return fractionDigits(currency, locale);
}

export function valuesOf(draft: DocumentDraft, locale: string): DocumentValues {
  return {
    client_id: draft.client?.id ?? '',
    title: draft.title.trim(),
    currency: draft.currency,
    notes: draft.notes.trim() || null,
    lines: lineInputs(draft.lines, digitsOf(draft.currency, locale)),
    dates: Object.fromEntries(Object.entries(draft.dates).map(([k, v]) => [k, v || null])),
    project_id: draft.project || null,
  };
}

/** The fields of `after` that differ from `before`, so a save never overwrites a colleague's other edit. */
export function changedFields(before: DocumentValues, after: DocumentValues) {
  const changed: {
    title?: string;
    currency?: string;
    notes?: string | null;
    lines?: LineInput[];
    project_id?: string | null;
    dates: Record<string, string | null>;
  } = { dates: {} };
  if (after.title !== before.title) changed.title = after.title;
  if (after.currency !== before.currency) changed.currency = after.currency;
  if (after.notes !== before.notes) changed.notes = after.notes;
  if (JSON.stringify(after.lines) !== JSON.stringify(before.lines)) changed.lines = after.lines;
  if (after.project_id !== before.project_id) changed.project_id = after.project_id;
  for (const [k, v] of Object.entries(after.dates)) if (v !== before.dates[k]) changed.dates[k] = v;
  return changed;
}

/** Currencies offered besides the business's own. */
export const CURRENCIES = [
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'CAD',
  'AUD',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'JPY',
  'NGN',
  'GHS',
  'KES',
  'ZAR',
];
