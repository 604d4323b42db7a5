import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { ErrorState, Loading, TabLinks } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { usePortalProject, type PortalProjectDetail } from './api';
import { ProgressBar } from './ProgressBar';
import { taskColumn } from './labels';
import { ProjectStatus } from './status';

export type ProjectTab = 'overview' | 'deliverables' | 'files' | 'messages' | 'time';

const tabs: { tab: ProjectTab; path: string; labelKey: string }[] = [
  { tab: 'overview', path: '', labelKey: 'portalProjects.tab.overview' },
  { tab: 'deliverables', path: '/deliverables', labelKey: 'portalProjects.tab.deliverables' },
  { tab: 'files', path: '/files', labelKey: 'portalProjects.tab.files' },
  { tab: 'messages', path: '/messages', labelKey: 'portalProjects.tab.messages' },
  { tab: 'time', path: '/time', labelKey: 'portalProjects.tab.time' },
];

/**
 * A project's header (name, status, dates, progress) and its tabs around one tab's content.
 * Every tab has its own address, so an email can link straight to it.
 */
export function ProjectFrame({
  tab,
  children,
}: {
  tab: ProjectTab;
  children: (project: PortalProjectDetail) => ReactNode;
}) {
  const t = useT();
  const { id = '' } = useParams();
  const { slug, base } = usePortal();
  const format = usePortalFormat();
  const project = usePortalProject(slug, id);
  const back = (
    <Link
      to={`${base}/projects`}
      className="text-sm font-medium text-brand-ink underline-offset-2 hover:underline"
    >
      ← {t('portalProjects.back')}
    </Link>
  );
  if (project.isPending) return <Loading label={t('portalProjects.loadingOne')} />;
  if (project.isError) {
    const missing = project.error instanceof ApiProblem && project.error.status === 404;
    return (
      <div className="max-w-2xl space-y-4">
        <ErrorState
          title={missing ? t('portalProjects.notFound') : t('portalProjects.loadFailed')}
          message={messageOf(project.error)}
          onRetry={missing ? undefined : () => void project.refetch()}
        />
        {back}
      </div>
    );
  }
  const p = project.data;
  const waiting = p.board.find((c) => c.status === 'query')?.tasks.length ?? 0;
  const closed = p.status === 'completed' || p.status === 'cancelled';
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        {back}
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{p.name}</h1>
          <ProjectStatus status={p.status} />
        </div>
        {(p.start_date || p.due_date) && (
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
            {p.start_date && (
              <div className="flex gap-1.5">
                <dt className="text-slate-600">{t('portalProjects.started')}</dt>
                <dd className="font-medium text-slate-900">{format.day(p.start_date)}</dd>
              </div>
            )}
            {p.due_date && (
              <div className="flex gap-1.5">
                <dt className="text-slate-600">
                  {closed ? t('portalProjects.wasDueLabel') : t('portalProjects.dueLabel')}
                </dt>
                <dd className="font-medium text-slate-900">{format.day(p.due_date)}</dd>
              </div>
            )}
          </dl>
        )}
        <div className="max-w-md">
          <ProgressBar progress={p.progress} />
        </div>
        {waiting > 0 && !closed && (
          <p className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-2.5 text-sm font-medium text-amber-950">
            {t('portalProjects.waitingOnYou', {
              count: waiting,
              column: taskColumn('query'),
              where: tab === 'overview' ? 'below' : 'elsewhere',
              messages: t('portalProjects.tab.messages'),
            })}
          </p>
        )}
      </div>
      {tabs.length > 1 && (
        // The row scrolls by itself on a phone (TabLinks), with a fade where there is more.
        <TabLinks
          label={t('portalProjects.sections')}
          tabs={tabs.map((s) => ({
            to: `${base}/projects/${p.id}${s.path}`,
            label: t(s.labelKey),
            selected: s.tab === tab,
          }))}
        />
      )}
      {children(p)}
    </div>
  );
}
