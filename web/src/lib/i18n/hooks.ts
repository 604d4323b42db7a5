import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocale, isLanguage, type Language } from './languages';

export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** `t` for a component; it renders again when the language changes. */
export function useT(): Translate {
  const { t } = useTranslation();
  return useCallback<Translate>((key, values) => t(key, values ?? {}) as string, [t]);
}

/** The language the app speaks now. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/** The locale to write dates and money in for this reader (see `formatLocale`). */
export function useFormatLocale(tenantLocale: string | null | undefined): string {
  return formatLocale(useLanguage(), tenantLocale);
}
