import { useId, useRef, useState, type FormEvent } from 'react';
import { messageOf } from '@/api/problem';
import { Alert, Button } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';

/** Picks one file and sends it; optionally asks whether the client may see it. */
export function FileUpload({
  label,
  buttonLabel,
  visibility,
  busy,
  error,
  onUpload,
}: {
  label: string;
  buttonLabel: string;
  /** Shows the "Visible to the client" checkbox, starting with this value. */
  visibility?: boolean;
  busy: boolean;
  error: unknown;
  onUpload: (file: File, clientVisible: boolean) => Promise<unknown>;
}) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [visible, setVisible] = useState(visibility ?? true);
  const [missing, setMissing] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    try {
      await onUpload(file, visible);
      setFile(null);
      if (input.current) input.current.value = '';
    } catch {
      // The error is shown below; the chosen file stays so the person can try again.
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3">
      <div className="space-y-1.5">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <input
          id={id}
          ref={input}
          type="file"
          aria-invalid={missing && !file ? true : undefined}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setMissing(false);
          }}
          className="block w-full text-sm text-slate-800 file:mr-3 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-semibold"
        />
        {missing && !file && (
          <p className="text-sm font-medium text-red-700">{t('consoleProjectsFiles.chooseFirst')}</p>
        )}
      </div>
      {visibility !== undefined && (
        <label className="flex items-start gap-3 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={visible}
            onChange={(e) => setVisible(e.target.checked)}
            className="mt-0.5 h-4 w-4 rounded border-slate-300"
          />
          <span>
            <span className="font-medium">{t('consoleProjectsFiles.visible')}</span>
            <span className="block text-slate-600">{t('consoleProjectsFiles.visibleHint')}</span>
          </span>
        </label>
      )}
      <Button type="submit" busy={busy}>
        {buttonLabel}
      </Button>
      {error != null && <Alert tone="error">{messageOf(error)}</Alert>}
    </form>
  );
}
