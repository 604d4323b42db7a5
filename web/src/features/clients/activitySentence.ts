import { actorOf, listOf, type ActivityNames } from '@/lib/activity-names';
import type { Activity } from './api';

const FIELDS: Record<string, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  company: 'company',
  notes: 'internal notes',
  status: 'status',
  portal_enabled: 'portal access',
  email_opt_out: 'email preference',
};

function fieldsOf(data: Record<string, unknown>): string[] {
  return Array.isArray(data.fields)
    ? data.fields.map((f) => FIELDS[String(f)] ?? String(f).replaceAll('_', ' '))
    : [];
}

/** One line of a client's timeline, as a sentence a person reads ("You invited Maria to the portal."). */
export function activitySentence(a: Activity, names: ActivityNames): string {
  const who = actorOf(a, names);
  const client = names.clientName;
  // The API types `data` as an object with unknown keys.
  const data = a.data as Record<string, unknown>;
  const fields = fieldsOf(data);
  switch (a.verb) {
    case 'created':
      return data.source === 'form'
        ? `${client} sent the form “${String(data.form_title ?? '')}” and became a lead.`
        : `${who} added ${client} as a client.`;
    case 'form_submitted':
      return `${client} sent the form “${String(data.title ?? '')}”.`;
    case 'updated':
      return fields.length > 0
        ? `${who} changed the ${listOf(fields)}.`
        : `${who} changed ${client}’s details.`;
    case 'profile_updated':
      return fields.length > 0
        ? `${who} updated their ${listOf(fields)} in the portal.`
        : `${who} updated their profile in the portal.`;
    case 'archived':
      return `${who} archived ${client}.`;
    case 'restored':
      return `${who} restored ${client}.`;
    case 'invited':
      return data.resent
        ? `${who} sent ${client} a new portal invitation.`
        : `${who} invited ${client} to the portal.`;
    case 'logged_in':
      return `${who} logged in to the portal.`;
    case 'logged_out':
      return `${who} logged out of the portal.`;
    case 'impersonation_started':
      return `${who} started viewing the portal as ${client}.`;
    case 'impersonation_ended':
      return `${who} stopped viewing the portal as ${client}.`;
    case 'sessions_ended':
      return `${who} logged ${client} out of the portal everywhere.`;
    default:
      // A verb added on the server before this list knew it: still readable, never blank.
      return `${who}: ${a.verb.replaceAll('_', ' ')}.`;
  }
}
