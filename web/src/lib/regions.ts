/**
 * Time zones and currencies to choose from: what the browser can name, limited to what the
 * API accepts (src/lib/spec-lists.ts, from the spec), so no choice is refused on saving.
 */
import { t } from './i18n';
import { SERVER_CURRENCIES, SERVER_TIME_ZONES } from './spec-lists';

type IntlList = 'timeZone' | 'currency';

function supported(kind: IntlList): string[] | null {
  // Older browsers (Safari before 15.4) have no `supportedValuesOf`.
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf(kind) : null;
}

/** A short list for browsers that cannot list their zones: the usual business places. */
const FALLBACK_ZONES = [
  'Africa/Cairo',
  'Africa/Johannesburg',
  'Africa/Lagos',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Mexico_City',
  'America/New_York',
  'America/Sao_Paulo',
  'America/Toronto',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Europe/Amsterdam',
  'Europe/Berlin',
  'Europe/Brussels',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/London',
  'Europe/Madrid',
  'Europe/Paris',
  'Europe/Rome',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Europe/Zurich',
  'Pacific/Auckland',
];

/** The regions of the zone names, in words; others (such as "US") are shown as they are. */
const REGION_KEYS: Record<string, string> = {
  Africa: 'common.region.africa',
  America: 'common.region.america',
  Antarctica: 'common.region.antarctica',
  Arctic: 'common.region.arctic',
  Asia: 'common.region.asia',
  Atlantic: 'common.region.atlantic',
  Australia: 'common.region.australia',
  Europe: 'common.region.europe',
  Indian: 'common.region.indian',
  Pacific: 'common.region.pacific',
  Other: 'common.region.other',
};

export interface ZoneGroup {
  /** "Europe", "America", …; "Other" for names without a region, such as UTC. */
  region: string;
  /** The region in the reader's language. */
  label: string;
  zones: { value: string; label: string }[];
}

/**
 * The zones to offer, grouped by region and labelled by place ("New York"). `current`
 * stays on the list even if it is not among them, so the choice shown is the one saved.
 */
export function timeZoneGroups(current = '', browser: string[] | null = supported('timeZone')): ZoneGroup[] {
  const accepted = new Set(SERVER_TIME_ZONES);
  const names = new Set((browser ?? FALLBACK_ZONES).filter((z) => accepted.has(z)));
  // Browsers list UTC under no region, and some leave it out altogether.
  if (accepted.has('UTC')) names.add('UTC');
  if (current) names.add(current);
  const groups = new Map<string, ZoneGroup>();
  for (const zone of [...names].sort()) {
    const slash = zone.indexOf('/');
    const region = slash > 0 ? zone.slice(0, slash) : 'Other';
    const place = (slash > 0 ? zone.slice(slash + 1) : zone).replace(/_/g, ' ').replace(/\//g, ' – ');
    if (!groups.has(region)) {
      const key = REGION_KEYS[region];
      groups.set(region, { region, label: key ? t(key) : region, zones: [] });
    }
    groups.get(region)!.zones.push({ value: zone, label: place });
  }
  return [...groups.values()];
}

/** The currencies to offer, labelled like "EUR — Euro" in `locale`, by code. */
export function currencyOptions(
  locale: string,
  current = '',
  browser: string[] | null = supported('currency'),
): { value: string; label: string }[] {
  const accepted = new Set(SERVER_CURRENCIES);
  const codes = new Set(browser ? browser.filter((c) => accepted.has(c)) : SERVER_CURRENCIES);
  if (current) codes.add(current);
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale || 'en', 'en'], { type: 'currency' });
  } catch {
    // A locale the browser refuses, or no DisplayNames at all: codes alone.
  }
  return [...codes].sort().map((code) => {
    const name = names?.of(code);
    return { value: code, label: name && name !== code ? `${code} — ${name}` : code };
  });
}
