/** The languages Portico speaks, in the order a picker lists them. */
export const LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's own name for itself, as a picker shows it (not translated). */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
};

/** Where formats come from when the tenant's region speaks another language. */
const DEFAULT_REGIONS: Record<Language, string> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', es: 'es-ES' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first of `tags` (BCP 47, best first, as `navigator.languages`) Portico speaks. */
export function matchLanguage(tags: readonly string[]): Language | null {
  for (const tag of tags) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(base)) return base;
  }
  return null;
}

/**
 * The locale dates, numbers and money are written in: the tenant's region when it speaks
 * the reader's language (an en-GB business writes 7 December to English readers), else the
 * language's home region (a Berlin business's Spanish client reads 7 dic 2026 and 1.234,50 €).
 */
export function formatLocale(language: Language, tenantLocale: string | null | undefined): string {
  if (tenantLocale && tenantLocale.toLowerCase().split(/[-_]/)[0] === language) return tenantLocale;
  return DEFAULT_REGIONS[language];
}
