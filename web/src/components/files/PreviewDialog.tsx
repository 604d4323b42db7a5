import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { messageOf } from '@/api/problem';
import { Button, ErrorState, Loading } from '@/components/ui';
import { formatBytes } from '@/lib/format';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
import { openUrl } from '@/lib/navigate';
import type { FileSource } from './sources';
import type { PreviewableFile } from './types';

/**
 * The full view of an image or PDF over the page (a lightbox): the image itself, or the
 * browser's PDF viewer in a frame, both from a short-lived link asked for `inline`. Escape,
 * the close button or a click outside closes it, and focus returns where it was.
 */
export function PreviewDialog({
  file,
  source,
  onClose,
}: {
  file: PreviewableFile;
  source: FileSource;
  onClose: () => void;
}) {
  const t = useT();
  const locale = useFormatLocale(undefined);
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const link = useQuery({
    queryKey: ['file-preview', file.id],
    queryFn: () => source.previewUrl(file.id),
    // A link lives five minutes; a fresh one each time the dialog opens.
    gcTime: 0,
    staleTime: 0,
    retry: false,
  });

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      before?.focus();
    };
  }, [onClose]);

  const download = async () => openUrl(await source.downloadUrl(file.id));

  return (
    <div
      className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/70 p-2 sm:p-6"
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="flex max-h-full w-full max-w-5xl flex-col overflow-hidden rounded-xl bg-white shadow-xl"
      >
        <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-4 py-3">
          <div className="min-w-0 flex-1">
            <h2 id={titleId} className="truncate font-semibold text-slate-900">
              {file.name}
            </h2>
            <p className="text-sm text-slate-600">{formatBytes(file.size, locale)}</p>
          </div>
          <Button variant="secondary" onClick={() => void download()}>
            {t('files.download')}
          </Button>
          <button
            ref={closeRef}
            type="button"
            onClick={onClose}
            className="inline-flex min-h-10 items-center justify-center rounded-lg px-4 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-100"
          >
            {t('files.close')}
          </button>
        </div>
        <div className="flex min-h-64 flex-1 items-center justify-center overflow-auto bg-slate-100">
          {link.isPending ? (
            <Loading label={t('files.loadingPreview')} />
          ) : link.isError ? (
            <ErrorState
              title={t('files.previewFailed')}
              message={messageOf(link.error)}
              onRetry={() => void link.refetch()}
            />
          ) : file.preview === 'pdf' ? (
            <iframe title={file.name} src={link.data} className="h-[80vh] w-full border-0 bg-white" />
          ) : (
            <img src={link.data} alt={file.name} className="max-h-[80vh] max-w-full object-contain" />
          )}
        </div>
      </div>
    </div>
  );
}
