import { Link, useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { Button, EmptyState, ErrorState, Loading, PageHeader, TabLinks } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { usePortalProjects } from './api';
import { ProgressBar } from './ProgressBar';
import { ProjectStatus } from './status';

export function ProjectsPage() {
  const t = useT();
  const { slug, base, branding } = usePortal();
  const format = usePortalFormat();
  const [params] = useSearchParams();
  const state = params.get('state') === 'closed' ? 'closed' : 'open';
  const list = usePortalProjects(slug, state);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const open = state === 'open';

  return (
    <div className="max-w-3xl">
      <PageHeader
        title={t('portalProjects.title')}
        description={t('portalProjects.description', { business: branding.name })}
      />
      <TabLinks
        label={t('portalProjects.tabsLabel')}
        tabs={[
          { to: `${base}/projects`, label: t('portalProjects.tabOpen'), selected: open },
          { to: `${base}/projects?state=closed`, label: t('portalProjects.tabClosed'), selected: !open },
        ]}
      />
      {list.isPending ? (
        <Loading label={t('portalProjects.loading')} />
      ) : list.isError ? (
        <ErrorState message={messageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={open ? t('portalProjects.emptyOpen') : t('portalProjects.emptyClosed')}>
          {open
            ? t('portalProjects.emptyOpenText', { business: branding.name })
            : t('portalProjects.emptyClosedText')}
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {items.map((p) => (
            <li key={p.id}>
              <article className="relative rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-300 hover:shadow">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h2 className="min-w-0 font-semibold text-slate-900">
                    {/* The whole card is the link's target area; the name is its text. */}
                    <Link to={`${base}/projects/${p.id}`} className="after:absolute after:inset-0">
                      {p.name}
                    </Link>
                  </h2>
                  <ProjectStatus status={p.status} />
                </div>
                {p.due_date && (
                  <p className="mt-1 text-sm text-slate-700">
                    {p.status === 'completed' || p.status === 'cancelled'
                      ? t('portalProjects.wasDue', { date: format.day(p.due_date) })
                      : t('portalProjects.due', { date: format.day(p.due_date) })}
                  </p>
                )}
                <div className="mt-3">
                  <ProgressBar
                    progress={p.progress}
                    label={t('portalProjects.progress.of', { name: p.name })}
                  />
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <Button
          variant="secondary"
          className="mt-4"
          busy={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('portalProjects.showMore')}
        </Button>
      )}
    </div>
  );
}
