import { PdfButton as Button } from '@/components/money/PdfButton';
import { downloadPdf, type PdfOf } from './api';

/** Downloads a document's PDF as `filename` (unless the server names it), staying on the page. */
export function PdfButton({ of, filename, label }: { of: PdfOf; filename: string; label?: string }) {
  return <Button download={() => downloadPdf(of, filename)} filename={filename} label={label} />;
}
