import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { isLanguage, matchLanguage, type Language } from './languages';

export * from './languages';

/**
 * One i18next instance for the app. Messages are ICU MessageFormat (plurals, selects,
 * `{name}` placeholders); keys are flat ("invoices.empty"), so neither `.` nor `:` splits them.
 */
export const i18n = i18next.createInstance();
void i18n
  .use(ICU)
  .use(initReactI18next)
  .init({
    resources: {},
    lng: 'en',
    fallbackLng: false,
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
    initAsync: false,
  });

/** Translate outside a component (labels in plain modules, toasts); components use `useT`. */
export const t = (key: string, values?: Record<string, unknown>): string => i18n.t(key, values ?? {});

// Each language is its own chunk: a reader downloads only the catalog they read.
const catalogs: Record<Language, () => Promise<{ default: Record<string, string> }>> = {
  en: () => import('@/locales/en/index.ts'),
  de: () => import('@/locales/de/index.ts'),
  fr: () => import('@/locales/fr/index.ts'),
  es: () => import('@/locales/es/index.ts'),
};

const CHOICE_KEY = 'portico.language';

/** The language someone picked on this device, if any. */
export function chosenLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(CHOICE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** Remember a language picked by hand, so the next visit opens in it. */
export function rememberLanguage(language: Language | null) {
  try {
    if (language) localStorage.setItem(CHOICE_KEY, language);
    else localStorage.removeItem(CHOICE_KEY);
  } catch {
    // Private browsing without storage: the choice lasts for this page only.
  }
}

/** The browser's own preference, when it is a language Portico speaks. */
export function browserLanguage(): Language | null {
  if (typeof navigator === 'undefined') return null;
  return matchLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

/** What the app opens in before anyone is known: a choice made here, else the browser's. */
export function initialLanguage(fallback: Language = 'en'): Language {
  return chosenLanguage() ?? browserLanguage() ?? fallback;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/** Load a language's catalog (once) and switch the app to it. */
export async function switchLanguage(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) {
    const { default: messages } = await catalogs[language]();
    i18n.addResourceBundle(language, 'translation', messages);
  }
  if (i18n.language !== language) await i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
