import { LinesTable as Lines } from '@/components/money/LinesTable';
import { usePortal } from '@/lib/portal';
import type { Line, Totals } from './api';

/** The document's lines and totals, in the tenant's locale. */
export function LinesTable(props: { lines: Line[]; totals: Totals; currency: string }) {
  const { branding } = usePortal();
  return <Lines {...props} locale={branding.locale} />;
}
