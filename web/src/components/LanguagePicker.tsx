import { useId } from 'react';
import {
  LANGUAGE_NAMES,
  LANGUAGES,
  isLanguage,
  rememberLanguage,
  switchLanguage,
  type Language,
} from '@/lib/i18n';
import { useLanguage, useT } from '@/lib/i18n/hooks';

/**
 * The language picker: switches the app at once and remembers the choice on this device;
 * `onPick` lets a signed-in page also save it to the person's profile.
 */
export function LanguagePicker({
  onPick,
  className,
}: {
  onPick?: (language: Language) => void;
  className?: string;
}) {
  const t = useT();
  const language = useLanguage();
  const id = useId();
  return (
    <div className={className ?? 'flex items-center gap-2 text-sm'}>
      <label htmlFor={id} className="text-slate-600">
        {t('common.language')}
      </label>
      <select
        id={id}
        value={language}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        onChange={(e) => {
          const picked = e.target.value;
          if (!isLanguage(picked)) return;
          rememberLanguage(picked);
          void switchLanguage(picked);
          onPick?.(picked);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
