import { useState } from 'react';
import { useT } from '@/lib/i18n/hooks';
import { PreviewDialog } from './PreviewDialog';
import type { FileSource } from './sources';
import { Thumbnail } from './Thumbnail';
import type { PreviewableFile } from './types';

/**
 * A file's thumbnail; for an image or a PDF it is a button that opens the full view.
 * Everything else is only a download, so its tile is just a picture.
 */
export function FilePreview({
  file,
  source,
  size = 'sm',
}: {
  file: PreviewableFile;
  source: FileSource;
  size?: 'sm' | 'md';
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (!file.preview) return <Thumbnail file={file} source={source} size={size} />;
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={t('files.previewNamed', { name: file.name })}
        className="rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand"
      >
        <Thumbnail file={file} source={source} size={size} />
      </button>
      {open && <PreviewDialog file={file} source={source} onClose={() => setOpen(false)} />}
    </>
  );
}
