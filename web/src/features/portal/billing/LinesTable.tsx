import { LinesTable as Lines } from '@/components/money/LinesTable';
import { usePortalFormat } from '@/lib/portal';
import type { Line, Totals } from './api';

/** The document's lines and totals, in the reader's language (the tenant's region when it shares it). */
export function LinesTable(props: { lines: Line[]; totals: Totals; currency: string }) {
  const format = usePortalFormat();
  return <Lines {...props} locale={format.locale} />;
}
