import type { Translate } from '@/lib/i18n/hooks';

const SYSTEMS: [RegExp, string][] = [
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Macintosh|Mac OS X/, 'Mac'],
  [/Windows/, 'Windows'],
  [/Linux/, 'Linux'],
];

// Order matters: Edge and Opera also say "Chrome", and every Chromium browser says "Safari".
const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const match = (list: [RegExp, string][], ua: string) => list.find(([pattern]) => pattern.test(ua))?.[1];

/**
 * A first name for a new passkey, like "Safari on iPhone", so that a person with several can
 * tell them apart; "This device" when the browser does not say enough.
 */
export function guessDeviceName(t: Translate, userAgent = navigator.userAgent): string {
  const system = match(SYSTEMS, userAgent);
  const browser = match(BROWSERS, userAgent);
  return system && browser ? t('passkeys.deviceGuess', { browser, system }) : t('passkeys.thisDevice');
}
