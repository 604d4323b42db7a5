import type { Tenant, UpdateTenant } from './api';

/** The branding form's fields, every one a string while the person types. */
export interface BrandingDraft {
  name: string;
  slug: string;
  custom_domain: string;
  login_title: string;
  login_message: string;
  logo_url: string;
  primary_color: string;
  accent_color: string;
  timezone: string;
  locale: string;
  /** The language clients without one of their own read. */
  language: string;
  currency: string;
  mail_from: string;
}

/** Fields the server may clear: an empty box means "none". */
const OPTIONAL = new Set<keyof BrandingDraft>([
  'custom_domain',
  'login_title',
  'login_message',
  'logo_url',
  'mail_from',
]);

export function draftOf(t: Tenant): BrandingDraft {
  return {
    name: t.name,
    slug: t.slug,
    custom_domain: t.custom_domain ?? '',
    login_title: t.login_title ?? '',
    login_message: t.login_message ?? '',
    logo_url: t.logo_url ?? '',
    primary_color: t.primary_color,
    accent_color: t.accent_color,
    timezone: t.timezone,
    locale: t.locale,
    language: t.language,
    currency: t.currency,
    mail_from: t.mail_from ?? '',
  };
}

/** Only the fields that changed, so saving one colour never rewrites a colleague's other edit. */
export function changesOf(before: BrandingDraft, after: BrandingDraft): UpdateTenant {
  const body: Record<string, string | null> = {};
  for (const key of Object.keys(after) as (keyof BrandingDraft)[]) {
    const value = after[key].trim();
    if (value === before[key].trim()) continue;
    body[key] = value === '' && OPTIONAL.has(key) ? null : value;
  }
  return body as UpdateTenant;
}

export const HEX6 = /^#[0-9a-f]{6}$/i;
