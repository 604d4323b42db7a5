import { useState } from 'react';
import { messageOf } from '@/api/problem';
import { Button, useToast } from '@/components/ui';
import { downloadPdf, type PdfOf } from './api';

/** Downloads a document's PDF as `filename` (unless the server names it), staying on the page. */
export function PdfButton({
  of,
  filename,
  label = 'Download PDF',
}: {
  of: PdfOf;
  filename: string;
  label?: string;
}) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadPdf(of, filename);
    } catch (err) {
      toast(`${filename} could not be downloaded: ${messageOf(err)}`, 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="secondary" busy={busy} onClick={() => void download()}>
      {label}
    </Button>
  );
}
