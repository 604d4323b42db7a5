/**
 * Rules that turn the API's wording into sentences for people. The server writes for
 * API clients too, so its field names (`lines[0].quantity`), references to the
 * `errors` array and ids in quotes must not reach a screen as they are.
 */

import { currentLanguage, t } from '@/lib/i18n';

export interface FieldMessage {
  field: string;
  message: string;
}

/**
 * Names for path segments, in words; a segment missing here is written by the plain rule
 * ("due_date" → "Due date"), in the API's English.
 */
const SEGMENT_KEYS: Record<string, string> = {
  client_id: 'problems.field.client',
  staff_id: 'problems.field.staff',
  project_id: 'problems.field.project',
  service_id: 'problems.field.service',
  product_id: 'problems.field.product',
  deliverable_id: 'problems.field.deliverable',
  url: 'problems.field.url',
  body: 'problems.field.body',
  email: 'problems.field.email',
  time_zone: 'problems.field.timeZone',
  timezone: 'problems.field.timeZone',
  currency: 'problems.field.currency',
  unit_amount_minor: 'problems.field.unitPrice',
  unit_price_minor: 'problems.field.unitPrice',
  amount_minor: 'problems.field.amount',
  hourly_rate_minor: 'problems.field.hourlyRate',
  tax_rate_bp: 'problems.field.taxRate',
  tax_bp: 'problems.field.taxRate',
  discount_bp: 'problems.field.discount',
  duration_minutes: 'problems.field.duration',
  event_types: 'problems.field.events',
  primary_color: 'problems.field.primaryColor',
  accent_color: 'problems.field.accentColor',
  name: 'problems.field.name',
  title: 'problems.field.title',
  description: 'problems.field.description',
  quantity: 'problems.field.quantity',
  notes: 'problems.field.notes',
  phone: 'problems.field.phone',
  company: 'problems.field.company',
  billing: 'problems.field.billing',
  billing_address: 'problems.field.billingAddress',
  tax_id: 'problems.field.taxId',
  due_date: 'problems.field.dueDate',
  start_date: 'problems.field.startDate',
  issue_date: 'problems.field.issueDate',
  valid_until: 'problems.field.validUntil',
  starts_at: 'problems.field.startsAt',
  locale: 'problems.field.locale',
  slug: 'problems.field.slug',
  role: 'problems.field.role',
  scopes: 'problems.field.scopes',
  code: 'problems.field.code',
  rating: 'problems.field.rating',
  text: 'problems.field.text',
  minutes: 'problems.field.minutes',
  work_date: 'problems.field.workDate',
  location: 'problems.field.location',
  logo_url: 'problems.field.logoUrl',
  login_title: 'problems.field.loginTitle',
  login_message: 'problems.field.loginMessage',
  custom_domain: 'problems.field.customDomain',
  mail_from: 'problems.field.mailFrom',
  price_minor: 'problems.field.price',
};

/** Lists whose items are numbered for people ("Line 1"), keyed by the list's name. */
const ITEM_KEYS: Record<string, string> = {
  lines: 'problems.item.line',
  items: 'problems.item.item',
  fields: 'problems.item.question',
  options: 'problems.item.option',
  days: 'problems.item.day',
  hours: 'problems.item.hours',
  scopes: 'problems.item.scope',
  event_types: 'problems.item.event',
};

function words(segment: string): string {
  const known = SEGMENT_KEYS[segment];
  if (known) return t(known);
  const plain = segment
    .replace(/_(id|minor|bp)$/, '')
    .replace(/[_.]+/g, ' ')
    .trim();
  return plain.charAt(0).toUpperCase() + plain.slice(1);
}

/**
 * A field path in words: `lines[0].quantity` → "Line 1 – quantity",
 * `billing.currency` → "Billing – currency", `values.budget` → "Budget".
 */
export function fieldLabel(field: string): string {
  const parts: string[] = [];
  for (const segment of field.split('.')) {
    const indexed = /^(.+?)\[(\d+)\]$/.exec(segment);
    if (indexed) {
      const [, list = '', index = '0'] = indexed;
      const item = ITEM_KEYS[list];
      const n = Number(index) + 1;
      parts.push(item ? t(item, { n }) : t('problems.item.other', { list: words(list), n }));
    } else if (segment === 'values' && parts.length === 0) {
      // A public form's answers live under `values.<key>`; the key is the question.
      continue;
    } else {
      parts.push(words(segment));
    }
  }
  const [first, ...rest] = parts;
  // German writes its nouns with a capital wherever they stand.
  const inner = (p: string) => (currentLanguage() === 'de' ? p : p.charAt(0).toLowerCase() + p.slice(1));
  return [first, ...rest.map(inner)].join(' – ');
}

/** The example a webhook address is asked to look like. */
const EXAMPLE_URL = 'https://hooks.example.com/portico';

/** Field messages whose wording is about the API rather than about what to do. */
const MESSAGE_RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^must use https:\/\/ \(plain http is allowed only in development\)$/, () => t('problems.message.https')],
  [/^must start with https:\/\/(?:, not .*)?$/, () => t('problems.message.https')],
  [/^must be a full address, like (\S+)$/, (m) => t('problems.message.fullAddress', { example: m[1] })],
  [/^is not an absolute URL.*$/, () => t('problems.message.fullAddress', { example: EXAMPLE_URL })],
  [/^has no host$/, () => t('problems.message.fullAddress', { example: EXAMPLE_URL })],
  [
    /^(?:names \S+, which )?points to (\S+), (.+); webhooks may only call public internet addresses$/,
    (m) => t('problems.message.privateAddress', { host: m[1], what: m[2] }),
  ],
  [/^must be a staff id$/, () => t('problems.message.chooseStaff')],
  [/^is not a staff member of your business$/, () => t('problems.message.chooseStaff')],
  [/^must be a client id$/, () => t('problems.message.chooseClient')],
  [/^is not a client of your business$/, () => t('problems.message.chooseOwnClient')],
  [/^must be a project id$/, () => t('problems.message.chooseProject')],
  [/^must be the 64 hex digits of the contract's body_sha256$/, () => t('problems.message.contractChanged')],
  [/^must be from 0 to 10000 basis points \(0 % to 100 %\)$/, () => t('problems.message.percent')],
  [/^must be 0 to 100000000 \(minor units per hour\)$/, () => t('problems.message.hourlyRate')],
  [/^is invalid \(.*\)$/, () => t('problems.message.invalid')],
];

function sentence(text: string): string {
  const s = text.trim();
  if (!s) return s;
  const capital = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** One field's message with API words (`start_date`) turned into words. */
export function humanFieldMessage(message: string): string {
  for (const [pattern, replacement] of MESSAGE_RULES) {
    const m = pattern.exec(message);
    if (m) return replacement(m);
  }
  // Shown under its field, the server's fragment ("must be 1 to 200 characters") reads well.
  return message.replace(/\b([a-z]+(?:_[a-z]+)+)\b/g, (name) => `the ${name.replace(/_/g, ' ')}`);
}

/**
 * The things a "not found" names, by the server's word for them, as `thing` values the
 * messages choose their words by ("service order" → `service_order`).
 */
const THINGS = new Set([
  'appointment',
  'client',
  'contract',
  'deliverable',
  'file',
  'form',
  'invoice',
  'live_session',
  'notification',
  'payment_provider',
  'portal',
  'product',
  'project',
  'quote',
  'review',
  'service',
  'service_order',
  'staff_member',
  'task',
  'thread',
  'time_log_entry',
  'webhook_endpoint',
]);

function thing(noun: string): { thing: string; noun: string } {
  const id = noun.trim().replace(/\s+/g, '_');
  return { thing: THINGS.has(id) ? id : 'other', noun };
}

/** Whole-problem details that read like program output, mapped to sentences. */
const DETAIL_RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^(?:There is no|No) ([a-z ]+?) '[^']*'(?: in [^.]*)?\.$/,
    (m) => t('problems.detail.notFound', thing(m[1] ?? '')),
  ],
  [/^You have no ([a-z ]+?) '[^']*'\.$/, (m) => t('problems.detail.notFoundRemoved', thing(m[1] ?? ''))],
  [/^No feedback has been requested for project '[^']*'\.$/, () => t('problems.detail.noFeedback')],
  [
    /^The client named in 'client_id' is archived; restore them first\.$/,
    () => t('problems.detail.clientArchived'),
  ],
  [
    /^'q' must be at most (\d+) characters\.$/,
    (m) => t('problems.detail.searchTooLong', { count: Number(m[1]) }),
  ],
  [/^This credential lacks the '[^']*' scope needed here\.$/, () => t('problems.detail.noPermission')],
  [/^This would duplicate an existing record.*$/, () => t('problems.detail.duplicate')],
];

/** A problem's `detail` as a person should read it. */
export function humanDetail(detail: string): string {
  for (const [pattern, make] of DETAIL_RULES) {
    const m = pattern.exec(detail);
    if (m) return make(m);
  }
  return detail;
}

function lowerFirst(text: string): string {
  // "URL" or "PDF" at the start stay as they are.
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * The summary of a refused form: the fields on screen are already marked, so the
 * summary points at them; the others are named, since nothing else shows them.
 */
export function summaryOf(errors: readonly FieldMessage[], onScreen: (field: string) => boolean): string {
  const shown = errors.filter((e) => onScreen(e.field));
  const hidden = errors.filter((e) => !onScreen(e.field));
  const named = hidden.map((e) =>
    sentence(t('problems.summary.named', { field: fieldLabel(e.field), message: lowerFirst(e.message) })),
  );
  if (hidden.length === 0) {
    return shown.length === 1
      ? sentence(shown[0]?.message ?? '')
      : t('problems.summary.highlighted', { count: shown.length });
  }
  if (shown.length === 0) {
    return hidden.length === 1
      ? (named[0] ?? '')
      : t('problems.summary.fields', { count: hidden.length, details: named.join(' ') });
  }
  return t('problems.summary.also', {
    head: t('problems.summary.highlighted', { count: shown.length }),
    details: named.join(' '),
  });
}
