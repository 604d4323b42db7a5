import { useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useT } from '@/lib/i18n/hooks';

const LENGTH = 6;

export interface CodeInputProps {
  value: string;
  onChange: (value: string) => void;
  /** Called once all six digits are in. */
  onComplete?: (value: string) => void;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
}

/**
 * Six boxes for a six-digit code. Typing moves to the next box, Backspace to the previous
 * one, and pasting the whole code (even "123 456" or "123-456") fills every box at once.
 */
export function CodeInput({ value, onChange, onComplete, disabled, invalid, describedBy }: CodeInputProps) {
  const t = useT();
  const boxes = useRef<(HTMLInputElement | null)[]>([]);
  const digits = Array.from({ length: LENGTH }, (_, i) => value[i] ?? '');

  const set = (next: string) => {
    const clean = next.replace(/\D/g, '').slice(0, LENGTH);
    onChange(clean);
    if (clean.length === LENGTH) onComplete?.(clean);
    return clean;
  };

  const focus = (i: number) => boxes.current[Math.max(0, Math.min(LENGTH - 1, i))]?.focus();

  const typed = (i: number, raw: string) => {
    const incoming = raw.replace(/\D/g, '');
    if (!incoming) return;
    // Autofill and some keyboards put the whole code into one box.
    const next = set((value.slice(0, i) + incoming + value.slice(i + incoming.length)).slice(0, LENGTH));
    focus(Math.min(i + incoming.length, next.length));
  };

  const keyDown = (i: number, e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Backspace') {
      e.preventDefault();
      if (digits[i]) set(value.slice(0, i) + value.slice(i + 1));
      else if (i > 0) {
        set(value.slice(0, i - 1) + value.slice(i));
        focus(i - 1);
      }
    } else if (e.key === 'ArrowLeft') focus(i - 1);
    else if (e.key === 'ArrowRight') focus(i + 1);
  };

  const pasted = (e: ClipboardEvent<HTMLInputElement>) => {
    e.preventDefault();
    const next = set(e.clipboardData.getData('text'));
    focus(next.length);
  };

  return (
    <div
      role="group"
      aria-label={t('components.code.label')}
      aria-describedby={describedBy}
      className="flex justify-between gap-2"
    >
      {digits.map((digit, i) => (
        <input
          key={i}
          ref={(el) => {
            boxes.current[i] = el;
          }}
          aria-label={t('components.code.digit', { n: i + 1, count: LENGTH })}
          aria-invalid={invalid || undefined}
          inputMode="numeric"
          autoComplete={i === 0 ? 'one-time-code' : 'off'}
          pattern="[0-9]*"
          maxLength={i === 0 ? LENGTH : 1}
          disabled={disabled}
          value={digit}
          autoFocus={i === 0}
          onChange={(e) => typed(i, e.target.value)}
          onKeyDown={(e) => keyDown(i, e)}
          onPaste={pasted}
          onFocus={(e) => e.target.select()}
          className={`h-14 w-full min-w-0 max-w-14 rounded-lg border bg-white text-center text-2xl font-semibold text-slate-900 shadow-sm disabled:bg-slate-100 ${invalid ? 'border-red-600' : 'border-slate-300'}`}
        />
      ))}
    </div>
  );
}
