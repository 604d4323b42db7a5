import type { components } from '@/api/schema';
import { currentLanguage, t } from './i18n';

type Activity = components['schemas']['Activity'];

/** Who is who in an activity log, so a sentence can name the actor. */
export interface ActivityNames {
  /** The signed-in staff member's id, to say "You". */
  meId?: string;
  /** Staff ids to names. */
  staff: Map<string, string>;
  /** The client the log is about (or whose project it is). */
  clientName: string;
}

/** "a, b and c", in the reader's language. */
export function listOf(words: string[]): string {
  return new Intl.ListFormat(currentLanguage(), { style: 'long', type: 'conjunction' }).format(words);
}

/** Whether the signed-in staff member did it, so the sentence speaks to them ("You…"). */
export function isMe(a: Activity, names: ActivityNames): boolean {
  return a.actor_kind === 'staff' && Boolean(a.actor_id) && a.actor_id === names.meId;
}

/** Who did it, as the sentence starts: "You", a colleague's name, the client's name… */
export function actorOf(a: Activity, names: ActivityNames): string {
  switch (a.actor_kind) {
    case 'staff':
      if (isMe(a, names)) return t('activity.actor.you');
      return (a.actor_id && names.staff.get(a.actor_id)) || t('activity.actor.teamMember');
    case 'client':
      return names.clientName;
    case 'api_key':
      return t('activity.actor.apiKey');
    default:
      return 'Portico';
  }
}
