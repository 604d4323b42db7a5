import { formatBytes } from '@/lib/format';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
import { openUrl } from '@/lib/navigate';
import { FilePreview } from './FilePreview';
import type { FileSource } from './sources';
import type { PreviewableFile } from './types';

/** The files sent with a message: a thumbnail that previews, the name that downloads. */
export function AttachmentList({ files, source }: { files: PreviewableFile[]; source: FileSource }) {
  const t = useT();
  const locale = useFormatLocale(undefined);
  if (files.length === 0) return null;
  return (
    <ul aria-label={t('files.attachments', { count: files.length })} className="mt-2 flex flex-wrap gap-2">
      {files.map((f) => (
        <li
          key={f.id}
          aria-label={f.name}
          className="flex max-w-full items-center gap-2 rounded-lg border border-slate-200 bg-white p-1.5 pr-3"
        >
          <FilePreview file={f} source={source} />
          <span className="min-w-0">
            <button
              type="button"
              className="block max-w-56 truncate text-left text-sm font-medium text-slate-900 underline-offset-2 hover:underline"
              onClick={() => void source.downloadUrl(f.id).then(openUrl)}
              aria-label={t('files.downloadNamed', { name: f.name })}
            >
              {f.name}
            </button>
            <span className="block text-xs text-slate-600">{formatBytes(f.size, locale)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
