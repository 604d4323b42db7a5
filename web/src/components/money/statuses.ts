/** The words and colours of the money documents' statuses, for badges, filters and sentences. */

export type Tone = 'amber' | 'blue' | 'green' | 'grey' | 'red';

/** Whose words a badge uses: the client's ("Awaiting your decision") or the staff's ("Sent"). */
export type Audience = 'client' | 'staff';

// Tones follow the design: waiting on someone blue or amber, done green, gone grey, trouble red.
export const quoteLooks: Record<string, [Tone, string, string]> = {
  draft: ['grey', 'Draft', 'Draft'],
  sent: ['blue', 'Awaiting your decision', 'Sent'],
  accepted: ['green', 'Accepted', 'Accepted'],
  changes_requested: ['red', 'Changes requested', 'Changes requested'],
  declined: ['grey', 'Declined', 'Declined'],
  expired: ['grey', 'Expired', 'Expired'],
};

export const contractLooks: Record<string, [Tone, string, string]> = {
  draft: ['grey', 'Draft', 'Draft'],
  sent: ['blue', 'Awaiting your signature', 'Awaiting signature'],
  signed: ['green', 'Signed', 'Signed'],
  void: ['grey', 'Void', 'Void'],
};

export const invoiceLooks: Record<string, [Tone, string, string]> = {
  draft: ['grey', 'Draft', 'Draft'],
  sent: ['blue', 'Unpaid', 'Sent'],
  partially_paid: ['amber', 'Partly paid', 'Partly paid'],
  paid: ['green', 'Paid', 'Paid'],
  void: ['grey', 'Void', 'Void'],
};

export function look(
  table: Record<string, [Tone, string, string]>,
  status: string,
  audience: Audience,
): [Tone, string] {
  const [tone, client, staff] = table[status] ?? ['grey', status, status];
  return [tone, audience === 'client' ? client : staff];
}

/** A status's words, for filters and sentences. */
export const statusLabel = {
  quote: (status: string, audience: Audience = 'staff') => look(quoteLooks, status, audience)[1],
  contract: (status: string, audience: Audience = 'staff') => look(contractLooks, status, audience)[1],
  invoice: (status: string, audience: Audience = 'staff') => look(invoiceLooks, status, audience)[1],
};
