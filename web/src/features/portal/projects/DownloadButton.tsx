import { useState } from 'react';
import { messageOf } from '@/api/problem';
import { Button, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { downloadLink } from './api';
import { openUrl } from '@/lib/navigate';

/**
 * Asks for a short-lived link to the file, then lets the browser follow it: the file streams
 * to disk under its own name, and the page stays where it is.
 */
export function DownloadButton({ fileId, name }: { fileId: string; name: string }) {
  const t = useT();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const link = await downloadLink(fileId);
      openUrl(link.url);
    } catch (err) {
      toast(t('portalProjectsFiles.downloadFailed', { name, error: messageOf(err) }), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="secondary"
      busy={busy}
      onClick={() => void download()}
      aria-label={t('portalProjectsFiles.downloadNamed', { name })}
    >
      {t('portalProjectsFiles.download')}
    </Button>
  );
}
