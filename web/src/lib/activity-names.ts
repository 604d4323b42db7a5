import type { components } from '@/api/schema';

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

/** "a, b and c". */
export function listOf(words: string[]): string {
  return new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(words);
}

/** Who did it, as the sentence starts: "You", a colleague's name, the client's name… */
export function actorOf(a: Activity, names: ActivityNames): string {
  switch (a.actor_kind) {
    case 'staff':
      if (a.actor_id && a.actor_id === names.meId) return 'You';
      return (a.actor_id && names.staff.get(a.actor_id)) || 'A team member';
    case 'client':
      return names.clientName;
    case 'api_key':
      return 'An integration (API key)';
    default:
      return 'Portico';
  }
}
