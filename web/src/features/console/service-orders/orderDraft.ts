import type { LineInput } from './api';
import type { PickedClient } from '@/components/ClientPicker';
import { lineInputs, type LineDraft } from './lines';

export interface OrderDraft {
  client: PickedClient | null;
  title: string;
  description: string;
  lines: LineDraft[];
  /** `YYYY-MM-DD` or empty. */
  due: string;
}

/** What the form hands over: trimmed, amounts in minor units, blanks as `null`. */
export interface OrderValues {
  client_id: string;
  title: string;
  description: string | null;
  lines: LineInput[];
  estimated_completion: string | null;
}

export function valuesOf(draft: OrderDraft, digits: number): OrderValues {
  return {
    client_id: draft.client?.id ?? '',
    title: draft.title.trim(),
    description: draft.description.trim() || null,
    lines: lineInputs(draft.lines, digits),
    estimated_completion: draft.due || null,
  };
}
