import { actorOf, listOf, type ActivityNames } from '@/lib/activity-names';
import type { Activity } from './api';
import { projectStatusLooks } from './statuses';

const FIELDS: Record<string, string> = {
  name: 'name',
  description: 'description',
  status: 'status',
  start_date: 'start date',
  due_date: 'due date',
  staff_id: 'assignee',
  client_uploads: 'client uploads',
};

function statusLabel(value: unknown): string {
  const look = projectStatusLooks[String(value) as keyof typeof projectStatusLooks];
  return (look?.label ?? String(value).replaceAll('_', ' ')).toLowerCase();
}

/** "★★★★☆" for a rating of 4 out of 5. */
export function stars(rating: number): string {
  const r = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(r) + '☆'.repeat(5 - r);
}

/** One line of a project's activity, as a sentence a person reads. */
export function activitySentence(a: Activity, names: ActivityNames): string {
  const who = actorOf(a, names);
  // The API types `data` as an object with unknown keys.
  const data = a.data as Record<string, unknown>;
  const str = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  const title = str('title') ? `“${str('title')}”` : 'a deliverable';
  const comment = str('comment') ? ` — “${str('comment')}”` : '';
  // Staff may leave a note when they submit or reopen a deliverable.
  const note = str('note') ? ` — “${str('note')}”` : '';
  const round = typeof data.round === 'number' && data.round > 1 ? ` (round ${data.round})` : '';
  switch (a.verb) {
    case 'created':
      return `${who} created the project.`;
    case 'updated': {
      const fields = Array.isArray(data.fields)
        ? data.fields.map((f) => FIELDS[String(f)] ?? String(f).replaceAll('_', ' '))
        : [];
      return fields.length > 0
        ? `${who} changed the ${listOf(fields)}.`
        : `${who} changed the project’s details.`;
    }
    case 'status_changed':
      return `${who} moved the project from ${statusLabel(data.from)} to ${statusLabel(data.to)}.`;
    case 'deliverable_created':
      return `${who} added the deliverable ${title}.`;
    case 'deliverable_updated':
      return `${who} edited the deliverable ${title}.`;
    case 'deliverable_submitted':
      return `${who} submitted ${title} for review${round}${note}.`;
    case 'deliverable_approved':
      return `${who} approved ${title}${comment}.`;
    case 'deliverable_changes_requested':
      return `${who} asked for changes to ${title}${comment}.`;
    case 'deliverable_reopened':
      return `${who} reopened ${title}${note}.`;
    case 'file_uploaded': {
      const name = str('file_name') ? `“${str('file_name')}”` : 'a file';
      return data.client_visible === false
        ? `${who} uploaded ${name} (internal).`
        : `${who} uploaded ${name}.`;
    }
    case 'message_posted': {
      const thread = str('thread_title') ? ` in “${str('thread_title')}”` : '';
      return data.internal ? `${who} added an internal note${thread}.` : `${who} wrote${thread}.`;
    }
    case 'feedback_requested':
      return `${who} asked ${names.clientName} for feedback.`;
    case 'feedback_submitted': {
      const rating = typeof data.rating === 'number' ? data.rating : null;
      return rating
        ? `${who} rated the project ${stars(rating)} (${rating} of 5)${comment}.`
        : `${who} answered the feedback request${comment}.`;
    }
    default:
      // A verb added on the server before this list knew it: still readable, never blank.
      return `${who}: ${a.verb.replaceAll('_', ' ')}.`;
  }
}
