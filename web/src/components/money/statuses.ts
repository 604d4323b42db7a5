/** The words and colours of the money documents' statuses, for badges, filters and sentences. */
import { t } from '@/lib/i18n';

export type Tone = 'amber' | 'blue' | 'green' | 'grey' | 'red';

/** Whose words a badge uses: the client's ("Awaiting your decision") or the staff's ("Sent"). */
export type Audience = 'client' | 'staff';

/** A status's tone, and the message keys of its words for the client and for the staff. */
type Look = [Tone, string, string];

// Tones follow the design: waiting on someone blue or amber, done green, gone grey, trouble red.
export const quoteLooks: Record<string, Look> = {
  draft: ['grey', 'money.status.draft', 'money.status.draft'],
  sent: ['blue', 'money.quote.sentClient', 'money.quote.sent'],
  accepted: ['green', 'money.quote.accepted', 'money.quote.accepted'],
  changes_requested: ['red', 'money.quote.changesRequested', 'money.quote.changesRequested'],
  declined: ['grey', 'money.quote.declined', 'money.quote.declined'],
  expired: ['grey', 'money.quote.expired', 'money.quote.expired'],
};

export const contractLooks: Record<string, Look> = {
  draft: ['grey', 'money.status.draft', 'money.status.draft'],
  sent: ['blue', 'money.contract.sentClient', 'money.contract.sent'],
  signed: ['green', 'money.contract.signed', 'money.contract.signed'],
  void: ['grey', 'money.contract.void', 'money.contract.void'],
};

export const invoiceLooks: Record<string, Look> = {
  draft: ['grey', 'money.status.draft', 'money.status.draft'],
  sent: ['blue', 'money.invoice.sentClient', 'money.invoice.sent'],
  partially_paid: ['amber', 'money.invoice.partiallyPaid', 'money.invoice.partiallyPaid'],
  paid: ['green', 'money.invoice.paid', 'money.invoice.paid'],
  void: ['grey', 'money.invoice.void', 'money.invoice.void'],
};

export function look(table: Record<string, Look>, status: string, audience: Audience): [Tone, string] {
  const known = table[status];
  // A status newer than this build: its own name, rather than nothing.
  if (!known) return ['grey', status];
  const [tone, client, staff] = known;
  return [tone, t(audience === 'client' ? client : staff)];
}

/** A status's words, for filters and sentences. */
export const statusLabel = {
  quote: (status: string, audience: Audience = 'staff') => look(quoteLooks, status, audience)[1],
  contract: (status: string, audience: Audience = 'staff') => look(contractLooks, status, audience)[1],
  invoice: (status: string, audience: Audience = 'staff') => look(invoiceLooks, status, audience)[1],
};
