/**
 * Rules that turn the API's wording into sentences for people. The server writes for
 * API clients too, so its field names (`lines[0].quantity`), references to the
 * `errors` array and ids in quotes must not reach a screen as they are.
 */

export interface FieldMessage {
  field: string;
  message: string;
}

/** Names for path segments that the plain rule ("due_date" → "Due date") gets wrong. */
const SEGMENT_LABELS: Record<string, string> = {
  client_id: 'Client',
  staff_id: 'Assigned to',
  project_id: 'Project',
  service_id: 'Service',
  product_id: 'Product',
  deliverable_id: 'Deliverable',
  url: 'Address',
  body: 'Message',
  email: 'Email',
  time_zone: 'Time zone',
  timezone: 'Time zone',
  currency: 'Currency',
  unit_amount_minor: 'Unit price',
  unit_price_minor: 'Unit price',
  amount_minor: 'Amount',
  hourly_rate_minor: 'Hourly rate',
  tax_rate_bp: 'Tax rate',
  tax_bp: 'Tax rate',
  discount_bp: 'Discount',
  duration_minutes: 'Duration',
  event_types: 'Events',
  primary_color: 'Brand colour',
  accent_color: 'Accent colour',
};

/** Lists whose items are numbered for people ("Line 1"), keyed by the list's name. */
const ITEM_NAMES: Record<string, string> = {
  lines: 'Line',
  items: 'Item',
  fields: 'Question',
  options: 'Option',
  days: 'Day',
  hours: 'Opening hours',
  scopes: 'Permission',
  event_types: 'Event',
};

function words(segment: string): string {
  const known = SEGMENT_LABELS[segment];
  if (known) return known;
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
      parts.push(`${ITEM_NAMES[list] ?? words(list)} ${Number(index) + 1}`);
    } else if (segment === 'values' && parts.length === 0) {
      // A public form's answers live under `values.<key>`; the key is the question.
      continue;
    } else {
      parts.push(words(segment));
    }
  }
  const [first, ...rest] = parts;
  return [first, ...rest.map((p) => p.charAt(0).toLowerCase() + p.slice(1))].join(' – ');
}

/** Field messages whose wording is about the API rather than about what to do. */
const MESSAGE_RULES: [RegExp, string | ((m: RegExpExecArray) => string)][] = [
  [
    /^must use https:\/\/ \(plain http is allowed only in development\)$/,
    'Use an address that starts with https://.',
  ],
  [/^must start with https:\/\/(?:, not .*)?$/, 'Use an address that starts with https://.'],
  [/^must be a full address, like (\S+)$/, (m) => `Enter the full address, e.g. ${m[1]}.`],
  [/^is not an absolute URL.*$/, 'Enter the full address, e.g. https://hooks.example.com/portico.'],
  [/^has no host$/, 'Enter the full address, e.g. https://hooks.example.com/portico.'],
  [
    /^(?:names \S+, which )?points to (\S+), (.+); webhooks may only call public internet addresses$/,
    (m) => `This address leads to ${m[1]}, ${m[2]}. Webhooks can only call public internet addresses.`,
  ],
  [/^must be a staff id$/, 'Choose someone from your team.'],
  [/^is not a staff member of your business$/, 'Choose someone from your team.'],
  [/^must be a client id$/, 'Choose a client.'],
  [/^is not a client of your business$/, 'Choose one of your clients.'],
  [/^must be a project id$/, 'Choose a project.'],
  [
    /^must be the 64 hex digits of the contract's body_sha256$/,
    'The contract has changed since it was opened; reload the page and sign again.',
  ],
  [/^must be from 0 to 10000 basis points \(0 % to 100 %\)$/, 'Must be from 0 % to 100 %.'],
  [/^must be 0 to 100000000 \(minor units per hour\)$/, 'Must be from 0 to 1,000,000 per hour.'],
  [/^is invalid \(.*\)$/, 'This value is not accepted.'],
];

function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** One field's message with API words (`start_date`) turned into words. */
export function humanFieldMessage(message: string): string {
  for (const [pattern, replacement] of MESSAGE_RULES) {
    const m = pattern.exec(message);
    if (m) return typeof replacement === 'string' ? replacement : replacement(m);
  }
  // Shown under its field, the server's fragment ("must be 1 to 200 characters") reads well.
  return message.replace(/\b([a-z]+(?:_[a-z]+)+)\b/g, (name) => `the ${name.replace(/_/g, ' ')}`);
}

/** Whole-problem details that read like program output, mapped to sentences. */
const DETAIL_RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^(?:There is no|No) ([a-z ]+?) '[^']*'(?: in [^.]*)?\.$/,
    (m) => `We could not find this ${m[1]}. It may have been deleted, or the link may be out of date.`,
  ],
  [/^You have no ([a-z ]+?) '[^']*'\.$/, (m) => `We could not find this ${m[1]}. It may have been removed.`],
  [
    /^No feedback has been requested for project '[^']*'\.$/,
    () => 'No feedback has been requested for this project.',
  ],
  [
    /^The client named in 'client_id' is archived; restore them first\.$/,
    () => 'This client is archived. Restore them first.',
  ],
  [/^'q' must be at most (\d+) characters\.$/, (m) => `Search for at most ${m[1]} characters.`],
  [/^This credential lacks the '[^']*' scope needed here\.$/, () => 'You do not have permission to do this.'],
  [/^This would duplicate an existing record.*$/, () => 'Something with these details already exists.'],
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
  const named = hidden.map((e) => sentence(`${fieldLabel(e.field)}: ${lowerFirst(e.message)}`));
  if (hidden.length === 0) {
    return shown.length === 1
      ? sentence(shown[0]?.message ?? '')
      : `Please correct the ${shown.length} highlighted fields.`;
  }
  if (shown.length === 0) {
    return hidden.length === 1
      ? (named[0] ?? '')
      : `Please correct ${hidden.length} fields. ${named.join(' ')}`;
  }
  const head =
    shown.length === 1
      ? 'Please correct the highlighted field.'
      : `Please correct the ${shown.length} highlighted fields.`;
  return `${head} Also: ${named.join(' ')}`;
}
