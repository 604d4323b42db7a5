import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '@/lib/i18n/hooks';
import { Button } from './Button';

export interface ConfirmButtonProps {
  /** The first button, e.g. "Archive". */
  label: string;
  /** What happens, asked before it does. */
  question: ReactNode;
  /** The button that does it, e.g. "Archive client". */
  confirmLabel: string;
  /** Closes the question when its promise resolves; keeps it open (to retry) when it rejects. */
  onConfirm: () => Promise<unknown>;
  busy?: boolean;
  tone?: 'danger' | 'primary';
  /** How the first button looks; `primary` for the action the page is there for. */
  openerVariant?: 'primary' | 'secondary';
}

/**
 * A button that asks before it acts, in place rather than in a modal: the question appears
 * where the person is looking, takes the focus, and Escape or Cancel puts things back.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  busy,
  tone = 'danger',
  openerVariant = 'secondary',
}: ConfirmButtonProps) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLSpanElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!asking && returnFocus.current) {
      returnFocus.current = false;
      opener.current?.querySelector('button')?.focus();
    }
  }, [asking]);
  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  const confirm = async () => {
    try {
      await onConfirm();
      setAsking(false);
    } catch {
      // The caller shows what went wrong; the question stays so the person can try again.
    }
  };

  if (!asking) {
    return (
      <span ref={opener} className="contents">
        <Button variant={openerVariant} onClick={() => setAsking(true)}>
          {label}
        </Button>
      </span>
    );
  }
  return (
    <div
      role="group"
      aria-label={label}
      onKeyDown={(e) => e.key === 'Escape' && cancel()}
      className={`w-full rounded-lg border p-3 ${tone === 'danger' ? 'border-red-200 bg-red-50' : 'border-slate-200 bg-slate-50'}`}
    >
      <p className="text-sm text-slate-900">{question}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant={tone} busy={busy} onClick={() => void confirm()} autoFocus>
          {confirmLabel}
        </Button>
        <Button variant="ghost" onClick={cancel} disabled={busy}>
          {t('components.cancel')}
        </Button>
      </div>
    </div>
  );
}
