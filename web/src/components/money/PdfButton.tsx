import { useState } from 'react';
import { messageOf } from '@/api/problem';
import { Button, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';

/**
 * Downloads a document's PDF, staying on the page. `download` fetches and saves it;
 * `filename` names it in the message when that fails.
 */
export function PdfButton({
  download,
  filename,
  label,
}: {
  download: () => Promise<void>;
  filename: string;
  label?: string;
}) {
  const t = useT();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await download();
    } catch (err) {
      toast(t('money.pdf.failed', { filename, problem: messageOf(err) }), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="secondary" busy={busy} onClick={() => void run()}>
      {label ?? t('money.pdf.download')}
    </Button>
  );
}
