import { useMemo } from 'react';
import { useConsoleMe, useFormatDate, useStaffList, type DeliverableEvent, type ProjectDetail } from './api';

/** Who submitted, approved, asked for changes or reopened a deliverable, newest first. */
export function DeliverableHistory({
  project,
  events,
  title,
}: {
  project: ProjectDetail;
  events: DeliverableEvent[];
  title: string;
}) {
  const format = useFormatDate();
  const me = useConsoleMe();
  const staff = useStaffList();
  const names = useMemo(() => new Map((staff.data?.items ?? []).map((s) => [s.id, s.name])), [staff.data]);
  const who = (e: DeliverableEvent) => {
    if (e.actor_kind === 'client') return project.client_name;
    if (e.actor_kind === 'api_key') return 'An integration (API key)';
    if (e.actor_kind === 'system') return 'Portico';
    if (e.actor_id && e.actor_id === me.data?.id) return 'You';
    return (e.actor_id && names.get(e.actor_id)) || 'A team member';
  };
  const what = (e: DeliverableEvent) => {
    switch (e.event) {
      case 'submitted':
        return `${who(e)} submitted it for review`;
      case 'approved':
        return `${who(e)} approved it`;
      case 'changes_requested':
        return `${who(e)} asked for changes`;
      case 'reopened':
        return `${who(e)} reopened it`;
      default:
        return `${who(e)}: ${String(e.event).replaceAll('_', ' ')}`;
    }
  };
  return (
    <section aria-label={`History of ${title}`}>
      <h3 className="mb-2 text-sm font-semibold text-slate-900">History</h3>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">Submissions and the client’s answers will be listed here.</p>
      ) : (
        <ol className="space-y-2 border-l-2 border-slate-200 pl-3 text-sm">
          {[...events].reverse().map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <p className="text-slate-900">{what(e)}.</p>
              {e.comment && (
                <blockquote
                  className={`mt-1 rounded-md px-3 py-2 whitespace-pre-wrap ${e.event === 'changes_requested' ? 'bg-red-50 text-red-900' : 'bg-slate-50 text-slate-800'}`}
                >
                  “{e.comment}”
                </blockquote>
              )}
              <p className="text-slate-600">
                <time dateTime={e.at}>{format(e.at)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
