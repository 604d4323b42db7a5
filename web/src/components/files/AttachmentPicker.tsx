import { useEffect, useRef, useState } from 'react';
import { messageOf } from '@/api/problem';
import { Alert } from '@/components/ui';
import { formatBytes } from '@/lib/format';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
import type { PreviewableFile } from './types';

/** The most files one message carries (the API's limit). */
export const MAX_ATTACHMENTS = 10;

/**
 * Files to send with the message being written. Each is uploaded as soon as it is chosen
 * (so sending is quick and a too-large file is refused at once); it reaches the other side
 * only with the message. Removing one here just leaves it unsent.
 */
export function AttachmentPicker({
  value,
  onChange,
  upload,
  disabled = false,
}: {
  value: PreviewableFile[];
  onChange: (next: PreviewableFile[]) => void;
  upload: (file: File) => Promise<PreviewableFile>;
  disabled?: boolean;
}) {
  const t = useT();
  const locale = useFormatLocale(undefined);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const room = MAX_ATTACHMENTS - value.length - busy.length;
  // An upload may finish after the message went (and the list emptied): it joins the list as
  // it is then, ready for the next message, instead of bringing back what was sent.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);

  const choose = async (chosen: FileList | null) => {
    if (!chosen) return;
    setError(null);
    const files = Array.from(chosen);
    if (files.length > room) setError(t('files.tooMany', { max: MAX_ATTACHMENTS }));
    for (const file of files.slice(0, Math.max(room, 0))) {
      setBusy((b) => [...b, file.name]);
      try {
        const sent = await upload(file);
        latest.current = [...latest.current, sent];
        onChange(latest.current);
      } catch (err) {
        setError(t('files.uploadFailed', { name: file.name, error: messageOf(err) }));
      } finally {
        setBusy((b) => b.filter((n) => n !== file.name));
      }
    }
    if (input.current) input.current.value = '';
  };

  return (
    <div className="space-y-2">
      <label className="inline-flex min-h-10 cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60">
        <input
          ref={input}
          type="file"
          multiple
          className="sr-only"
          disabled={disabled || room <= 0}
          onChange={(e) => void choose(e.target.files)}
        />
        {t('files.attach')}
      </label>
      {(value.length > 0 || busy.length > 0) && (
        <ul aria-label={t('files.toSend')} className="flex flex-wrap gap-2">
          {value.map((f) => (
            <li
              key={f.id}
              className="flex items-center gap-2 rounded-full border border-slate-300 bg-slate-50 py-1 pr-1 pl-3 text-sm"
            >
              <span className="max-w-48 truncate">{f.name}</span>
              <span className="text-xs text-slate-600">{formatBytes(f.size, locale)}</span>
              <button
                type="button"
                className="rounded-full px-2 text-slate-700 hover:bg-slate-200"
                aria-label={t('files.removeNamed', { name: f.name })}
                onClick={() => onChange(value.filter((x) => x.id !== f.id))}
              >
                ×
              </button>
            </li>
          ))}
          {busy.map((name) => (
            <li
              key={name}
              className="rounded-full border border-dashed border-slate-300 px-3 py-1 text-sm text-slate-600"
            >
              {t('files.uploading', { name })}
            </li>
          ))}
        </ul>
      )}
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}
