import { useId } from 'react';
import { useT } from '@/lib/i18n/hooks';
import { HEX6 } from './brandingDraft';

export interface ColorFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  /** The server's word on this field; a malformed colour is caught here first. */
  error?: string;
}

/** A colour picker and the same colour as `#rrggbb`, kept in step: pick by eye or paste a brand hex. */
export function ColorField({ label, value, onChange, hint, error }: ColorFieldProps) {
  const t = useT();
  const id = useId();
  const valid = HEX6.test(value.trim());
  const message = error ?? (valid ? undefined : t('consoleTenant.colour.invalid'));
  const describedBy = message ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          type="color"
          aria-label={t('consoleTenant.colour.picker', { label })}
          value={valid ? value.trim().toLowerCase() : '#000000'}
          onChange={(e) => onChange(e.target.value)}
          className="h-10 w-14 shrink-0 cursor-pointer rounded-lg border border-slate-300 bg-white p-1"
        />
        <input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          spellCheck={false}
          autoComplete="off"
          maxLength={7}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy}
          className={`block w-32 rounded-lg border bg-white px-3 py-2 font-mono text-[15px] text-slate-900 shadow-sm ${message ? 'border-red-600' : 'border-slate-300'}`}
        />
      </div>
      {message ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {message}
        </p>
      ) : (
        hint && (
          <p id={`${id}-hint`} className="text-sm text-slate-600">
            {hint}
          </p>
        )
      )}
    </div>
  );
}
