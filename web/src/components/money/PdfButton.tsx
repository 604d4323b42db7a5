import { useState } from 'react';
import { messageOf } from '@/api/problem';
import { Button, useToast } from '@/components/ui';

/**
 * Downloads a document's PDF, staying on the page. `download` fetches and saves it;
 * `filename` names it in the message when that fails.
 */
export function PdfButton({
  download,
  filename,
  label = 'Download PDF',
}: {
  download: () => Promise<void>;
  filename: string;
  label?: string;
}) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await download();
    } catch (err) {
      toast(`${filename} could not be downloaded: ${messageOf(err)}`, 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="secondary" busy={busy} onClick={() => void run()}>
      {label}
    </Button>
  );
}
