import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { FileSource } from './sources';
import { extensionOf, type PreviewableFile } from './types';
import { useT } from '@/lib/i18n/hooks';

const sizes = { sm: 'h-12 w-12', md: 'h-20 w-20' } as const;

/**
 * A file's picture: its thumbnail when it has one, else a tile with its type. The image is
 * decorative (the file's name is always written beside it), so it has an empty alt.
 */
export function Thumbnail({
  file,
  source,
  size = 'sm',
}: {
  file: PreviewableFile;
  source: FileSource;
  size?: keyof typeof sizes;
}) {
  const t = useT();
  const thumb = useQuery({
    // The same bytes whichever side asks.
    queryKey: ['file-thumbnail', file.id],
    queryFn: () => source.thumbnail(file.id),
    enabled: file.thumbnail,
    staleTime: 5 * 60_000,
    retry: false,
  });
  // One address per picture shown; once the image has decoded, the address is let go (the
  // element keeps what it drew), so no blob outlives its thumbnail.
  const url = useMemo(() => (thumb.data ? URL.createObjectURL(thumb.data) : null), [thumb.data]);
  const box = `${sizes[size]} inline-flex shrink-0 overflow-hidden rounded-lg border border-slate-200 bg-slate-50`;
  if (file.thumbnail && url) {
    return (
      <span className={box}>
        <img
          src={url}
          alt=""
          className="h-full w-full object-cover"
          data-testid="file-thumbnail"
          onLoad={() => URL.revokeObjectURL(url)}
        />
      </span>
    );
  }
  const label = file.preview === 'pdf' ? 'PDF' : (extensionOf(file.name) ?? t('files.kindFile'));
  return (
    <span
      className={`${box} items-center justify-center text-xs font-semibold text-slate-600`}
      aria-hidden="true"
    >
      {label}
    </span>
  );
}
