import type { components } from '@/api/schema';
import { actorOf, isMe, listOf, type ActivityNames } from './activity-names';
import { currentLanguage, t } from './i18n';

type Activity = components['schemas']['Activity'];
/** Every kind of entry the API records, `subject.verb` (the server's `activity::catalogue`). */
export type ActivityKind = components['schemas']['ActivityKind'];

/** What a sentence is made from: who did it, who the client is, and the entry's details. */
interface Context {
  /** Every sentence may say these: `actor` ("you" or "other", for the verb's person), `who`, `client`. */
  base: { actor: 'you' | 'other'; who: string; client: string };
  /** A text detail of the entry, or '' when it has none. */
  str: (key: string) => string;
  data: Record<string, unknown>;
  /** The fields an update changed, in words. */
  fields: string[];
}

type Values = Record<string, string | number>;
type Sentence = (c: Context) => string;

/** The words for the fields an update names; a field missing here is shown by its API name. */
const FIELD_KEYS: Record<string, string> = {
  notes: 'activity.field.notes',
  portal_enabled: 'activity.field.portalEnabled',
  email_opt_out: 'activity.field.emailOptOut',
  staff_id: 'activity.field.staff',
  client_uploads: 'activity.field.clientUploads',
  valid_until: 'activity.field.validUntil',
  due_date: 'activity.field.dueDate',
  start_date: 'activity.field.startDate',
  issue_date: 'activity.field.issueDate',
  estimated_completion: 'activity.field.estimatedCompletion',
  starts_at: 'activity.field.startsAt',
  primary_color: 'activity.field.primaryColor',
  accent_color: 'activity.field.accentColor',
  logo_url: 'activity.field.logo',
  login_title: 'activity.field.loginTitle',
  login_message: 'activity.field.loginMessage',
  custom_domain: 'activity.field.customDomain',
  mail_from: 'activity.field.mailFrom',
  name: 'activity.field.name',
  email: 'activity.field.email',
  phone: 'activity.field.phone',
  company: 'activity.field.company',
  billing_address: 'activity.field.billingAddress',
  tax_id: 'activity.field.taxId',
  status: 'activity.field.status',
  title: 'activity.field.title',
  description: 'activity.field.description',
  body: 'activity.field.body',
  countersign: 'activity.field.countersign',
  location: 'activity.field.location',
  service_id: 'activity.field.service',
  project_id: 'activity.field.project',
  lines: 'activity.field.lines',
  currency: 'activity.field.currency',
  enabled: 'activity.field.enabled',
  fields: 'activity.field.questions',
  notify_staff: 'activity.field.notifyStaff',
  slug: 'activity.field.slug',
  success_message: 'activity.field.successMessage',
  active: 'activity.field.active',
  duration_minutes: 'activity.field.duration',
  price_minor: 'activity.field.price',
  role: 'activity.field.role',
  locale: 'activity.field.locale',
  timezone: 'activity.field.timezone',
  events: 'activity.field.events',
  url: 'activity.field.url',
};

/** The statuses a project moves between, in words. */
const PROJECT_STATUS_KEYS: Record<string, string> = {
  planned: 'activity.projectStatus.planned',
  active: 'activity.projectStatus.active',
  on_hold: 'activity.projectStatus.onHold',
  completed: 'activity.projectStatus.completed',
  cancelled: 'activity.projectStatus.cancelled',
};

/** The statuses a service order moves through, in words. */
const ORDER_STATUS_KEYS: Record<string, string> = {
  received: 'activity.orderStatus.received',
  in_progress: 'activity.orderStatus.inProgress',
  ready: 'activity.orderStatus.ready',
  delivered: 'activity.orderStatus.delivered',
  cancelled: 'activity.orderStatus.cancelled',
};

const word = (field: string) => {
  const key = FIELD_KEYS[field];
  return key ? t(key) : field.replaceAll('_', ' ');
};
const statusWord = (keys: Record<string, string>, status: string) => {
  const key = keys[status];
  return key ? t(key) : status.replaceAll('_', ' ');
};

/** "★★★★☆" for a rating of 4 out of 5. */
export function stars(rating: number): string {
  const r = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(r) + '☆'.repeat(5 - r);
}

/** `rated` ("yes"/"no"), `stars` and `rating`, for "★★★☆☆ (3 of 5)". */
function rated(c: Context): Values {
  const rating = c.data.rating;
  return typeof rating === 'number'
    ? { rated: 'yes', stars: stars(rating), rating }
    : { rated: 'no', stars: '', rating: 0 };
}

/** `hasAmount` ("yes"/"no") and `amount`, the entry's money in the reader's language. */
function money(c: Context, key: string): Values {
  const minor = c.data[key];
  const currency = c.str('currency');
  if (typeof minor !== 'number' || !currency) return { hasAmount: 'no', amount: '' };
  try {
    const format = new Intl.NumberFormat(currentLanguage(), { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return { hasAmount: 'yes', amount: format.format(minor / 10 ** digits) };
  } catch {
    return { hasAmount: 'no', amount: '' };
  }
}

/** `named` ("yes"/"no") and `name`: the entry's detail `key`, which messages put in quotes. */
const named = (c: Context, key: string): Values => ({ named: c.str(key) ? 'yes' : 'no', name: c.str(key) });
/** `named` and `number`, for "quote Q-2026-0001" or "an invoice". */
const numbered = (c: Context): Values => ({
  named: c.str('number') ? 'yes' : 'no',
  number: c.str('number'),
});
/** `order` ("ref", "title" or "none"), `ref` and `name`, for "order SO-0007", “Repair” or "a service order". */
const order = (c: Context): Values => ({
  order: c.str('reference') ? 'ref' : c.str('title') ? 'title' : 'none',
  ref: c.str('reference'),
  name: c.str('title'),
});
/** `changed` ("yes"/"no") and `fields`: what an update changed, as a list in words. */
const changes = (c: Context): Values => ({
  changed: c.fields.length > 0 ? 'yes' : 'no',
  fields: listOf(c.fields),
});
/** `said`: " — “comment”" when the entry carries one, else ''. */
const said = (c: Context, key: string): Values => ({
  said: c.str(key) ? t('activity.said', { text: c.str(key) }) : '',
});

/** The message `key`, said by the entry's actor about its client, with `values`. */
const say = (c: Context, key: string, ...values: Values[]) => t(key, Object.assign({}, c.base, ...values));

/**
 * A sentence for every kind the API records. Typed over `ActivityKind`, so a kind the
 * server adds fails the type check until it has its sentence here. Each is one message,
 * so every language orders its words its own way.
 */
export const SENTENCES: Record<ActivityKind, Sentence> = {
  'api_key.created': (c) => say(c, 'activity.apiKey.created', named(c, 'name')),
  'api_key.revoked': (c) => say(c, 'activity.apiKey.revoked', named(c, 'name')),
  'appointment.booked': (c) => say(c, 'activity.appointment.booked', named(c, 'service_name')),
  'appointment.cancelled': (c) =>
    say(c, 'activity.appointment.cancelled', named(c, 'service_name'), said(c, 'reason')),
  'appointment.completed': (c) => say(c, 'activity.appointment.completed', named(c, 'service_name')),
  'appointment.confirmed': (c) => say(c, 'activity.appointment.confirmed', named(c, 'service_name')),
  'appointment.moved': (c) => say(c, 'activity.appointment.moved', named(c, 'service_name')),
  'appointment.no_show': (c) => say(c, 'activity.appointment.noShow', named(c, 'service_name')),
  'appointment.updated': (c) => say(c, 'activity.appointment.updated', named(c, 'service_name'), changes(c)),
  'booking_settings.updated': (c) => say(c, 'activity.bookingSettings.updated'),
  'client.archived': (c) => say(c, 'activity.client.archived'),
  'client.created': (c) =>
    c.data.source === 'form'
      ? say(c, 'activity.client.createdByForm', { form: c.str('form_title') })
      : say(c, 'activity.client.created'),
  'client.email_changed': (c) => say(c, 'activity.client.emailChanged'),
  'client.emailed': (c) => say(c, 'activity.client.emailed', named(c, 'subject')),
  'client.impersonation_ended': (c) => say(c, 'activity.client.impersonationEnded'),
  'client.impersonation_started': (c) => say(c, 'activity.client.impersonationStarted'),
  'client.invited': (c) =>
    c.data.resent ? say(c, 'activity.client.reinvited') : say(c, 'activity.client.invited'),
  'client.logged_in': (c) => say(c, 'activity.client.loggedIn'),
  'client.logged_out': (c) => say(c, 'activity.client.loggedOut'),
  'client.login_link_created': (c) => say(c, 'activity.client.loginLinkCreated'),
  'client.login_link_used': (c) => say(c, 'activity.client.loginLinkUsed'),
  'client.product_granted': (c) => say(c, 'activity.client.productGranted', named(c, 'product_name')),
  'client.profile_updated': (c) => say(c, 'activity.client.profileUpdated', changes(c)),
  'client.restored': (c) => say(c, 'activity.client.restored'),
  'client.sessions_ended': (c) => say(c, 'activity.client.sessionsEnded'),
  'client.updated': (c) => say(c, 'activity.client.updated', changes(c)),
  'contract.countersigned': (c) => say(c, 'activity.contract.countersigned', named(c, 'title')),
  'contract.created': (c) => say(c, 'activity.contract.created', named(c, 'title')),
  'contract.edited_after_send': (c) => say(c, 'activity.contract.editedAfterSend', named(c, 'title')),
  'contract.sent': (c) => say(c, 'activity.contract.sent', named(c, 'title')),
  'contract.signed': (c) => say(c, 'activity.contract.signed', named(c, 'title')),
  'contract.updated': (c) => say(c, 'activity.contract.updated', named(c, 'title'), changes(c)),
  'contract.viewed': (c) => say(c, 'activity.contract.viewed', named(c, 'title')),
  'contract.voided': (c) => say(c, 'activity.contract.voided', named(c, 'title')),
  'form.created': (c) => say(c, 'activity.form.created', named(c, 'title')),
  'form.deleted': (c) => say(c, 'activity.form.deleted', named(c, 'title')),
  'form.form_submitted': (c) => say(c, 'activity.form.submitted', named(c, 'title')),
  'form.updated': (c) => say(c, 'activity.form.updated', named(c, 'title'), changes(c)),
  'invoice.created': (c) => say(c, 'activity.invoice.created', numbered(c)),
  'invoice.paid': (c) => say(c, 'activity.invoice.paid', numbered(c)),
  'invoice.payment_recorded': (c) =>
    say(c, 'activity.invoice.paymentRecorded', numbered(c), money(c, 'amount_minor')),
  'invoice.sent': (c) => say(c, 'activity.invoice.sent', numbered(c), money(c, 'total_minor')),
  'invoice.updated': (c) => say(c, 'activity.invoice.updated', numbered(c), changes(c)),
  'invoice.viewed': (c) => say(c, 'activity.invoice.viewed', numbered(c)),
  'invoice.voided': (c) => say(c, 'activity.invoice.voided', numbered(c)),
  'project.created': (c) => say(c, 'activity.project.created', named(c, 'name')),
  'project.deliverable_approved': (c) =>
    say(c, 'activity.project.deliverableApproved', named(c, 'title'), said(c, 'comment')),
  'project.deliverable_changes_requested': (c) =>
    say(c, 'activity.project.deliverableChangesRequested', named(c, 'title'), said(c, 'comment')),
  'project.deliverable_created': (c) => say(c, 'activity.project.deliverableCreated', named(c, 'title')),
  'project.deliverable_reopened': (c) =>
    say(c, 'activity.project.deliverableReopened', named(c, 'title'), said(c, 'note')),
  'project.deliverable_submitted': (c) =>
    say(c, 'activity.project.deliverableSubmitted', named(c, 'title'), said(c, 'note'), {
      round: typeof c.data.round === 'number' ? c.data.round : 0,
    }),
  'project.deliverable_updated': (c) => say(c, 'activity.project.deliverableUpdated', named(c, 'title')),
  'project.feedback_requested': (c) => say(c, 'activity.project.feedbackRequested', named(c, 'name')),
  'project.feedback_submitted': (c) =>
    typeof c.data.rating === 'number'
      ? say(c, 'activity.project.feedbackRated', named(c, 'name'), rated(c), said(c, 'comment'))
      : say(c, 'activity.project.feedbackAnswered', named(c, 'name'), said(c, 'comment')),
  'project.file_uploaded': (c) =>
    say(c, 'activity.project.fileUploaded', named(c, 'file_name'), {
      internal: c.data.client_visible === false ? 'yes' : 'no',
    }),
  'project.message_posted': (c) =>
    say(c, 'activity.project.messagePosted', {
      internal: c.data.internal ? 'yes' : 'no',
      inThread: c.str('thread_title') ? 'yes' : 'no',
      thread: c.str('thread_title'),
    }),
  'project.quote_accepted': (c) => {
    const added = c.data.tasks_added;
    return say(
      c,
      'activity.project.quoteAccepted',
      { named: c.str('quote_number') ? 'yes' : 'no', number: c.str('quote_number') },
      typeof added === 'number'
        ? { tasks: added > 0 ? 'some' : 'none', count: added }
        : { tasks: 'unknown', count: 0 },
    );
  },
  'project.status_changed': (c) =>
    c.str('from') && c.str('to')
      ? say(c, 'activity.project.statusChanged', named(c, 'name'), {
          from: statusWord(PROJECT_STATUS_KEYS, c.str('from')),
          to: statusWord(PROJECT_STATUS_KEYS, c.str('to')),
        })
      : say(c, 'activity.project.statusChangedPlain', named(c, 'name')),
  'project.updated': (c) => say(c, 'activity.project.updated', named(c, 'name'), changes(c)),
  'quote.acceptance_undone': (c) => say(c, 'activity.quote.acceptanceUndone', numbered(c), said(c, 'reason')),
  'quote.accepted': (c) => {
    // `project_started` says whether the acceptance started a project (true) or added the
    // quote's lines to the running project it was written for (false); older entries lack it.
    const project = { projectNamed: c.str('project_name') ? 'yes' : 'no', project: c.str('project_name') };
    if (c.data.project_started === true)
      return say(c, 'activity.quote.acceptedStarted', numbered(c), project);
    if (c.data.project_started === false) return say(c, 'activity.quote.acceptedAdded', numbered(c), project);
    return say(c, 'activity.quote.accepted', numbered(c));
  },
  'quote.changes_requested': (c) =>
    say(c, 'activity.quote.changesRequested', numbered(c), said(c, 'comment')),
  'quote.created': (c) => say(c, 'activity.quote.created', numbered(c)),
  'quote.declined': (c) => say(c, 'activity.quote.declined', numbered(c), said(c, 'comment')),
  'quote.revised': (c) => say(c, 'activity.quote.revised', numbered(c)),
  'quote.sent': (c) => say(c, 'activity.quote.sent', numbered(c)),
  'quote.updated': (c) => say(c, 'activity.quote.updated', numbered(c), changes(c)),
  'quote.viewed': (c) => say(c, 'activity.quote.viewed', numbered(c)),
  'review.approved': (c) => say(c, 'activity.review.approved'),
  'review.rejected': (c) => say(c, 'activity.review.rejected'),
  'review.reviewed': (c) => say(c, 'activity.review.reviewed', rated(c)),
  'service.created': (c) => say(c, 'activity.service.created', named(c, 'name')),
  'service.updated': (c) => say(c, 'activity.service.updated', named(c, 'name'), changes(c)),
  'service_order.created': (c) => say(c, 'activity.serviceOrder.created', order(c)),
  'service_order.status_changed': (c) =>
    c.str('to')
      ? say(c, 'activity.serviceOrder.statusChanged', order(c), said(c, 'note'), {
          to: statusWord(ORDER_STATUS_KEYS, c.str('to')),
        })
      : say(c, 'activity.serviceOrder.movedOn', order(c)),
  'service_order.updated': (c) => say(c, 'activity.serviceOrder.updated', order(c), changes(c)),
  'staff.email_changed': (c) => say(c, 'activity.staff.emailChanged'),
  'staff.invited': (c) => say(c, 'activity.staff.invited', named(c, 'name')),
  'staff.logged_in': (c) => say(c, 'activity.staff.loggedIn'),
  'staff.logged_out': (c) => say(c, 'activity.staff.loggedOut'),
  'staff.removed': (c) => say(c, 'activity.staff.removed', named(c, 'name')),
  'staff.updated': (c) => say(c, 'activity.staff.updated', named(c, 'name'), changes(c)),
  'tenant.billing_settings_updated': (c) => say(c, 'activity.tenant.billingSettingsUpdated'),
  'tenant.created': (c) => say(c, 'activity.tenant.created'),
  'tenant.payment_provider_removed': (c) =>
    say(c, 'activity.tenant.paymentProviderRemoved', {
      hasProvider: c.str('provider') ? 'yes' : 'no',
      provider: c.str('provider'),
    }),
  'tenant.payment_provider_set': (c) =>
    say(c, 'activity.tenant.paymentProviderSet', {
      hasProvider: c.str('provider') ? 'yes' : 'no',
      provider: c.str('provider'),
    }),
  'tenant.updated': (c) => say(c, 'activity.tenant.updated', changes(c)),
  'webhook_endpoint.created': (c) => say(c, 'activity.webhook.created'),
  'webhook_endpoint.deleted': (c) => say(c, 'activity.webhook.deleted'),
  'webhook_endpoint.resent': (c) => say(c, 'activity.webhook.resent'),
  'webhook_endpoint.secret_rotated': (c) => say(c, 'activity.webhook.secretRotated'),
  'webhook_endpoint.updated': (c) => say(c, 'activity.webhook.updated', changes(c)),
};

/** One entry of a log as a sentence a person reads ("You sent quote Q-2026-0001 to Maria Lopez."). */
export function activitySentence(a: Activity, names: ActivityNames): string {
  // The API types `data` as an object with unknown keys.
  const data = (a.data ?? {}) as Record<string, unknown>;
  const str = (key: string) => (typeof data[key] === 'string' ? (data[key] as string).trim() : '');
  const who = actorOf(a, names);
  const c: Context = {
    base: { actor: isMe(a, names) ? 'you' : 'other', who, client: names.clientName },
    str,
    data,
    fields: Array.isArray(data.fields) ? data.fields.map((f) => word(String(f))) : [],
  };
  const sentence = SENTENCES[a.kind] as Sentence | undefined;
  // Only an entry older than this build could miss: still readable, never blank.
  return sentence ? sentence(c) : t('activity.fallback', { who, verb: a.verb.replaceAll('_', ' ') });
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
