import { useMemo } from 'react';
import { useT } from '@/lib/i18n/hooks';
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
  const t = useT();
  const format = useFormatDate();
  const me = useConsoleMe();
  const staff = useStaffList();
  const names = useMemo(() => new Map((staff.data?.items ?? []).map((s) => [s.id, s.name])), [staff.data]);
  // `actor` is `you` when the reader did it, so the sentence can address them.
  const who = (e: DeliverableEvent): { actor: 'you' | 'other'; name: string } => {
    if (e.actor_kind === 'client') return { actor: 'other', name: project.client_name };
    if (e.actor_kind === 'api_key')
      return { actor: 'other', name: t('consoleProjectsDeliverables.byApiKey') };
    if (e.actor_kind === 'system') return { actor: 'other', name: 'Portico' };
    if (e.actor_id && e.actor_id === me.data?.id)
      return { actor: 'you', name: t('consoleProjectsDeliverables.byYou') };
    return {
      actor: 'other',
      name: (e.actor_id && names.get(e.actor_id)) || t('consoleProjectsDeliverables.byTeamMember'),
    };
  };
  const what = (e: DeliverableEvent) => {
    switch (e.event) {
      case 'submitted':
        return t('consoleProjectsDeliverables.historySubmitted', who(e));
      case 'approved':
        return t('consoleProjectsDeliverables.historyApproved', who(e));
      case 'changes_requested':
        return t('consoleProjectsDeliverables.historyChanges', who(e));
      case 'reopened':
        return t('consoleProjectsDeliverables.historyReopened', who(e));
      default:
        return t('consoleProjectsDeliverables.historyOther', {
          ...who(e),
          event: String(e.event).replaceAll('_', ' '),
        });
    }
  };
  return (
    <section aria-label={t('consoleProjectsDeliverables.historyOf', { title })}>
      <h3 className="mb-2 text-sm font-semibold text-slate-900">
        {t('consoleProjectsDeliverables.history')}
      </h3>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">{t('consoleProjectsDeliverables.historyEmpty')}</p>
      ) : (
        <ol className="space-y-2 border-l-2 border-slate-200 pl-3 text-sm">
          {[...events].reverse().map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <p className="text-slate-900">{what(e)}</p>
              {e.comment && (
                <blockquote
                  className={`mt-1 rounded-md px-3 py-2 whitespace-pre-wrap ${e.event === 'changes_requested' ? 'bg-red-50 text-red-900' : 'bg-slate-50 text-slate-800'}`}
                >
                  {t('consoleProjectsDeliverables.comment', { comment: e.comment })}
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
