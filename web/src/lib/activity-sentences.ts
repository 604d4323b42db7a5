import type { components } from '@/api/schema';
import { actorOf, listOf, type ActivityNames } from './activity-names';

type Activity = components['schemas']['Activity'];
/** Every kind of entry the API records, `subject.verb` (the server's `activity::catalogue`). */
export type ActivityKind = components['schemas']['ActivityKind'];

/** What a sentence is made from: who did it, who the client is, and the entry's details. */
interface Context {
  who: string;
  client: string;
  /** A text detail of the entry, or '' when it has none. */
  str: (key: string) => string;
  /** “The title” in quotes, or `fallback` when the entry does not carry it. */
  named: (key: string, fallback: string) => string;
  /** " — “comment”" when the entry carries one. */
  said: (key: string) => string;
  /** The fields an update changed, in words. */
  fields: string[];
  data: Record<string, unknown>;
}

type Sentence = (c: Context) => string;

const FIELD_WORDS: Record<string, string> = {
  notes: 'internal notes',
  portal_enabled: 'portal access',
  email_opt_out: 'email preference',
  staff_id: 'assignee',
  client_uploads: 'client uploads',
  valid_until: 'validity',
  due_date: 'due date',
  start_date: 'start date',
  issue_date: 'issue date',
  estimated_completion: 'estimated completion',
  starts_at: 'time',
  primary_color: 'brand colour',
  accent_color: 'accent colour',
  logo_url: 'logo',
  login_title: 'login title',
  login_message: 'login message',
  custom_domain: 'custom domain',
  mail_from: 'sender address',
};

const word = (field: string) => FIELD_WORDS[field] ?? field.replaceAll('_', ' ');
const changed = (c: Context, what: string) =>
  c.fields.length > 0 ? `${c.who} changed the ${listOf(c.fields)} of ${what}.` : `${c.who} changed ${what}.`;

/** "★★★★☆" for a rating of 4 out of 5. */
export function stars(rating: number): string {
  const r = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(r) + '☆'.repeat(5 - r);
}

function rated(c: Context): string {
  return typeof c.data.rating === 'number' ? `${stars(c.data.rating)} (${c.data.rating} of 5)` : '';
}

function money(c: Context, key: string): string {
  const minor = c.data[key];
  const currency = c.str('currency');
  if (typeof minor !== 'number' || !currency) return '';
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(
      minor / 10 ** digitsOf(currency),
    );
  } catch {
    return '';
  }
}

function digitsOf(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

const quote = (c: Context) => (c.str('number') ? `quote ${c.str('number')}` : 'a quote');
const invoice = (c: Context) => (c.str('number') ? `invoice ${c.str('number')}` : 'an invoice');
const contract = (c: Context) => c.named('title', 'a contract');
const order = (c: Context) =>
  c.str('reference') ? `order ${c.str('reference')}` : c.named('title', 'a service order');
const project = (c: Context) => c.named('name', 'the project');
const deliverable = (c: Context) => c.named('title', 'a deliverable');
const round = (c: Context) =>
  typeof c.data.round === 'number' && c.data.round > 1 ? ` (round ${c.data.round})` : '';
const phrase = (value: string) => value.replaceAll('_', ' ');

/**
 * A sentence for every kind the API records. Typed over `ActivityKind`, so a kind the
 * server adds fails the type check until it has its sentence here.
 */
export const SENTENCES: Record<ActivityKind, Sentence> = {
  'api_key.created': (c) => `${c.who} created the API key ${c.named('name', '')}`.trimEnd() + '.',
  'api_key.revoked': (c) => `${c.who} revoked the API key ${c.named('name', '')}`.trimEnd() + '.',
  'appointment.booked': (c) =>
    `${c.who} booked ${c.named('service_name', 'an appointment')} for ${c.client}.`,
  'appointment.cancelled': (c) =>
    `${c.who} cancelled ${c.named('service_name', 'an appointment')}${c.said('reason')}.`,
  'appointment.completed': (c) =>
    `${c.who} marked ${c.named('service_name', 'an appointment')} as completed.`,
  'appointment.confirmed': (c) => `${c.who} confirmed ${c.named('service_name', 'an appointment')}.`,
  'appointment.moved': (c) => `${c.who} moved ${c.named('service_name', 'an appointment')} to another time.`,
  'appointment.no_show': (c) => `${c.who} marked ${c.named('service_name', 'an appointment')} as a no-show.`,
  'appointment.updated': (c) => changed(c, c.named('service_name', 'an appointment')),
  'booking_settings.updated': (c) => `${c.who} changed the opening hours and booking settings.`,
  'client.archived': (c) => `${c.who} archived ${c.client}.`,
  'client.created': (c) =>
    c.data.source === 'form'
      ? `${c.client} sent the form “${c.str('form_title')}” and became a lead.`
      : `${c.who} added ${c.client} as a client.`,
  'client.email_changed': (c) => `${c.who} changed ${c.client}’s login email.`,
  'client.impersonation_ended': (c) => `${c.who} stopped viewing the portal as ${c.client}.`,
  'client.impersonation_started': (c) => `${c.who} started viewing the portal as ${c.client}.`,
  'client.invited': (c) =>
    c.data.resent
      ? `${c.who} sent ${c.client} a new portal invitation.`
      : `${c.who} invited ${c.client} to the portal.`,
  'client.logged_in': (c) => `${c.who} logged in to the portal.`,
  'client.logged_out': (c) => `${c.who} logged out of the portal.`,
  'client.product_granted': (c) =>
    `${c.who} gave ${c.client} ${c.named('product_name', 'a digital product')}.`,
  'client.profile_updated': (c) =>
    c.fields.length > 0
      ? `${c.who} updated their ${listOf(c.fields)} in the portal.`
      : `${c.who} updated their profile in the portal.`,
  'client.restored': (c) => `${c.who} restored ${c.client}.`,
  'client.sessions_ended': (c) => `${c.who} logged ${c.client} out of the portal everywhere.`,
  'client.updated': (c) =>
    c.fields.length > 0
      ? `${c.who} changed the ${listOf(c.fields)}.`
      : `${c.who} changed ${c.client}’s details.`,
  'contract.countersigned': (c) => `${c.who} countersigned ${contract(c)}.`,
  'contract.created': (c) => `${c.who} drafted the contract ${contract(c)}.`,
  'contract.edited_after_send': (c) => `${c.who} changed the text of ${contract(c)} after sending it.`,
  'contract.sent': (c) => `${c.who} sent ${contract(c)} to ${c.client} to sign.`,
  'contract.signed': (c) => `${c.who} signed ${contract(c)}.`,
  'contract.updated': (c) => changed(c, contract(c)),
  'contract.viewed': (c) => `${c.who} opened ${contract(c)}.`,
  'contract.voided': (c) => `${c.who} withdrew ${contract(c)}.`,
  'form.created': (c) => `${c.who} created the form ${c.named('title', '')}`.trimEnd() + '.',
  'form.deleted': (c) => `${c.who} deleted the form ${c.named('title', '')}`.trimEnd() + '.',
  'form.form_submitted': (c) => `${c.client} sent the form ${c.named('title', '')}`.trimEnd() + '.',
  'form.updated': (c) => changed(c, c.named('title', 'a form')),
  'invoice.created': (c) => `${c.who} drafted ${invoice(c)}.`,
  'invoice.paid': (c) => `${invoice(c)} is paid in full.`.replace(/^./, (l) => l.toUpperCase()),
  'invoice.payment_recorded': (c) => {
    const amount = money(c, 'amount_minor');
    return `${c.who} recorded a payment${amount ? ` of ${amount}` : ''} for ${invoice(c)}.`;
  },
  'invoice.sent': (c) => {
    const total = money(c, 'total_minor');
    return `${c.who} sent ${invoice(c)}${total ? ` for ${total}` : ''} to ${c.client}.`;
  },
  'invoice.updated': (c) => changed(c, invoice(c)),
  'invoice.viewed': (c) => `${c.who} opened ${invoice(c)}.`,
  'invoice.voided': (c) => `${c.who} voided ${invoice(c)}.`,
  'project.created': (c) => `${c.who} created the project ${project(c)}.`,
  'project.deliverable_approved': (c) => `${c.who} approved ${deliverable(c)}${c.said('comment')}.`,
  'project.deliverable_changes_requested': (c) =>
    `${c.who} asked for changes to ${deliverable(c)}${c.said('comment')}.`,
  'project.deliverable_created': (c) => `${c.who} added the deliverable ${deliverable(c)}.`,
  'project.deliverable_reopened': (c) => `${c.who} reopened ${deliverable(c)}${c.said('note')}.`,
  'project.deliverable_submitted': (c) =>
    `${c.who} submitted ${deliverable(c)} for review${round(c)}${c.said('note')}.`,
  'project.deliverable_updated': (c) => `${c.who} edited the deliverable ${deliverable(c)}.`,
  'project.feedback_requested': (c) => `${c.who} asked ${c.client} for feedback on ${project(c)}.`,
  'project.feedback_submitted': (c) => {
    const stars = rated(c);
    return stars
      ? `${c.who} rated ${project(c)} ${stars}${c.said('comment')}.`
      : `${c.who} answered the feedback request on ${project(c)}${c.said('comment')}.`;
  },
  'project.file_uploaded': (c) => {
    const name = c.named('file_name', 'a file');
    return c.data.client_visible === false
      ? `${c.who} uploaded ${name} (internal).`
      : `${c.who} uploaded ${name}.`;
  },
  'project.message_posted': (c) => {
    const thread = c.str('thread_title') ? ` in “${c.str('thread_title')}”` : '';
    return c.data.internal ? `${c.who} added an internal note${thread}.` : `${c.who} wrote${thread}.`;
  },
  'project.status_changed': (c) =>
    c.str('from') && c.str('to')
      ? `${c.who} moved ${project(c)} from ${phrase(c.str('from'))} to ${phrase(c.str('to'))}.`
      : `${c.who} changed the status of ${project(c)}.`,
  'project.updated': (c) => changed(c, project(c)),
  'quote.acceptance_undone': (c) => `${c.who} undid the acceptance of ${quote(c)}${c.said('reason')}.`,
  'quote.accepted': (c) => `${c.who} accepted ${quote(c)}.`,
  'quote.changes_requested': (c) => `${c.who} asked for changes to ${quote(c)}${c.said('comment')}.`,
  'quote.created': (c) => `${c.who} drafted ${quote(c)}.`,
  'quote.declined': (c) => `${c.who} declined ${quote(c)}${c.said('comment')}.`,
  'quote.revised': (c) => `${c.who} started a new revision of ${quote(c)}.`,
  'quote.sent': (c) => `${c.who} sent ${quote(c)} to ${c.client}.`,
  'quote.updated': (c) => changed(c, quote(c)),
  'quote.viewed': (c) => `${c.who} opened ${quote(c)}.`,
  'review.approved': (c) => `${c.who} published ${c.client}’s review on the portal.`,
  'review.rejected': (c) => `${c.who} kept ${c.client}’s review off the portal.`,
  'review.reviewed': (c) => `${c.who} reviewed an appointment${rated(c) ? ` ${rated(c)}` : ''}.`,
  'service.created': (c) => `${c.who} added the service ${c.named('name', '')}`.trimEnd() + '.',
  'service.updated': (c) => changed(c, c.named('name', 'a service')),
  'service_order.created': (c) => `${c.who} took in ${order(c)} for ${c.client}.`,
  'service_order.status_changed': (c) =>
    c.str('to')
      ? `${c.who} moved ${order(c)} to ${phrase(c.str('to'))}${c.said('note')}.`
      : `${c.who} moved ${order(c)} on.`,
  'service_order.updated': (c) => changed(c, order(c)),
  'staff.email_changed': (c) => `${c.who} changed their login email.`,
  'staff.invited': (c) => `${c.who} invited ${c.named('name', 'a team member')} to the team.`,
  'staff.logged_in': (c) => `${c.who} logged in to the console.`,
  'staff.logged_out': (c) => `${c.who} logged out of the console.`,
  'staff.removed': (c) => `${c.who} removed ${c.named('name', 'a team member')} from the team.`,
  'staff.updated': (c) => changed(c, c.named('name', 'a team member')),
  'tenant.billing_settings_updated': (c) => `${c.who} changed the billing settings.`,
  'tenant.created': (c) => `${c.who} set up the business.`,
  'tenant.payment_provider_removed': (c) => `${c.who} removed the ${c.str('provider') || 'payment'} keys.`,
  'tenant.payment_provider_set': (c) => `${c.who} set up ${c.str('provider') || 'payment'} keys.`,
  'tenant.updated': (c) => changed(c, 'the business'),
  'webhook_endpoint.created': (c) => `${c.who} added a webhook endpoint.`,
  'webhook_endpoint.deleted': (c) => `${c.who} deleted a webhook endpoint.`,
  'webhook_endpoint.resent': (c) => `${c.who} resent a webhook delivery.`,
  'webhook_endpoint.secret_rotated': (c) => `${c.who} rotated a webhook endpoint’s signing secret.`,
  'webhook_endpoint.updated': (c) => changed(c, 'a webhook endpoint'),
};

/** One entry of a log as a sentence a person reads ("You sent quote Q-2026-0001 to Maria Lopez."). */
export function activitySentence(a: Activity, names: ActivityNames): string {
  // The API types `data` as an object with unknown keys.
  const data = (a.data ?? {}) as Record<string, unknown>;
  const str = (key: string) => (typeof data[key] === 'string' ? (data[key] as string).trim() : '');
  const c: Context = {
    who: actorOf(a, names),
    client: names.clientName,
    str,
    named: (key, fallback) => (str(key) ? `“${str(key)}”` : fallback),
    said: (key) => (str(key) ? ` — “${str(key)}”` : ''),
    fields: Array.isArray(data.fields) ? data.fields.map((f) => word(String(f))) : [],
    data,
  };
  const sentence = SENTENCES[a.kind] as Sentence | undefined;
  // Only an entry older than this build could miss: still readable, never blank.
  return sentence ? sentence(c) : `${c.who}: ${a.verb.replaceAll('_', ' ')}.`;
}

/** The console's page for each kind of object that has one, by `subject_type`. */
const PAGES: Record<string, string> = {
  client: 'clients',
  project: 'projects',
  quote: 'quotes',
  contract: 'contracts',
  invoice: 'invoices',
  service_order: 'orders',
  appointment: 'appointments',
  form: 'forms',
};

/** Where the console shows the entry's object, when it has a page of its own. */
export function consoleHref(a: Activity): string | undefined {
  if (a.subject_type === 'review') return '/app/reviews';
  if (a.kind === 'form.deleted') return undefined;
  const page = PAGES[a.subject_type];
  return page ? `/app/${page}/${a.subject_id}` : undefined;
}
