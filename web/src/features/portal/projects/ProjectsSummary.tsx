import { Link } from 'react-router';
import { Card, CountTile } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal } from '@/lib/portal';
import { useAwaitingApproval, usePortalDashboard, usePortalProjects } from './api';
import { ProgressBar } from './ProgressBar';
import { ProjectStatus } from './status';

/**
 * The dashboard's projects part: how many are going and done, what waits for the client's
 * approval, and the open projects with their progress. Nothing at all for a client who has
 * never had a project.
 */
export function ProjectsSummary() {
  const t = useT();
  const { slug, base } = usePortal();
  const dashboard = usePortalDashboard(slug);
  const open = usePortalProjects(slug, 'open', 5);
  const d = dashboard.data;
  const projects = open.data?.pages[0]?.items ?? [];
  const waiting = d?.deliverables_awaiting_approval ?? 0;
  const awaiting = useAwaitingApproval(
    slug,
    projects.map((p) => p.id),
    waiting > 0,
  );
  if (!d) return null;
  if (d.active_projects === 0 && d.completed_projects === 0) return null;
  const nameOf = (id: string) => projects.find((p) => p.id === id)?.name ?? '';
  const first = awaiting[0]?.project_id ?? (projects.length === 1 ? projects[0]!.id : null);
  const approvalsLink = first ? `${base}/projects/${first}/deliverables` : `${base}/projects`;

  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-3">
        <CountTile
          count={d.active_projects}
          to={`${base}/projects`}
          label={t('portalProjects.summary.active', { count: d.active_projects })}
        />
        <CountTile
          count={d.completed_projects}
          to={`${base}/projects?state=closed`}
          label={t('portalProjects.summary.completed', { count: d.completed_projects })}
        />
        <CountTile
          count={waiting}
          to={approvalsLink}
          label={t('portalProjects.summary.awaiting', { count: waiting })}
          attention
          className="col-span-2 sm:col-span-1"
        />
      </div>
      {awaiting.length > 0 && (
        <Card title={t('portalProjects.summary.awaitingTitle')}>
          <ul className="space-y-2">
            {awaiting.map((a) => (
              <li key={a.id}>
                <Link
                  to={`${base}/projects/${a.project_id}/deliverables`}
                  className="font-medium text-brand-ink underline-offset-2 hover:underline"
                >
                  {a.title}
                </Link>
                <span className="text-sm text-slate-600"> · {nameOf(a.project_id)}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {projects.length > 0 && (
        <Card title={t('portalProjects.summary.yours')}>
          <ul className="space-y-4">
            {projects.map((p) => (
              <li key={p.id}>
                <div className="mb-1.5 flex flex-wrap items-center justify-between gap-2">
                  <Link
                    to={`${base}/projects/${p.id}`}
                    className="font-medium text-slate-900 underline-offset-2 hover:underline"
                  >
                    {p.name}
                  </Link>
                  <ProjectStatus status={p.status} />
                </div>
                <ProgressBar
                  progress={p.progress}
                  label={t('portalProjects.progress.of', { name: p.name })}
                />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
