import type { Language } from '@/lib/i18n';
import type { Client, CreateClient, UpdateClient } from './api';

/** A client as the form edits it: every text field a string, trimmed only on save. */
export interface ClientDraft {
  name: string;
  email: string;
  phone: string;
  company: string;
  billing_address: string;
  tax_id: string;
  notes: string;
  status: 'lead' | 'active';
  portal_enabled: boolean;
  email_opt_out: boolean;
  /** `''`: the business's default language. */
  language: Language | '';
}

export function draftOf(client?: Client): ClientDraft {
  return {
    name: client?.name ?? '',
    email: client?.email ?? '',
    phone: client?.phone ?? '',
    company: client?.company ?? '',
    billing_address: client?.billing_address ?? '',
    tax_id: client?.tax_id ?? '',
    notes: client?.notes ?? '',
    status: client?.status === 'lead' ? 'lead' : 'active',
    portal_enabled: client?.portal_enabled ?? true,
    email_opt_out: client?.email_opt_out ?? false,
    language: client?.language ?? '',
  };
}

function clean(d: ClientDraft) {
  return {
    name: d.name.trim(),
    email: d.email.trim(),
    phone: d.phone.trim() || null,
    company: d.company.trim() || null,
    billing_address: d.billing_address.trim() || null,
    tax_id: d.tax_id.trim() || null,
    notes: d.notes.trim() || null,
    status: d.status,
    portal_enabled: d.portal_enabled,
    email_opt_out: d.email_opt_out,
    language: d.language || null,
  };
}

/** A new client: the language only when chosen (left out, the business's default applies). */
export function createBody(d: ClientDraft): CreateClient {
  const { language, ...rest } = clean(d);
  return language ? { ...rest, language } : rest;
}

/** Only what changed, so a save never overwrites a colleague's edit to another field. */
export function updateBody(before: ClientDraft, after: ClientDraft): UpdateClient {
  const a = clean(before);
  const b = clean(after);
  return Object.fromEntries(
    (Object.keys(b) as (keyof typeof b)[]).filter((k) => a[k] !== b[k]).map((k) => [k, b[k]]),
  ) as UpdateClient;
}
