import { Link, useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { Button, EmptyState, ErrorState, Loading, PageHeader, TabLinks } from '@/components/ui';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { usePortalProjects } from './api';
import { ProgressBar } from './ProgressBar';
import { ProjectStatus } from './status';

export function ProjectsPage() {
  const { slug, base, branding } = usePortal();
  const format = usePortalFormat();
  const [params] = useSearchParams();
  const state = params.get('state') === 'closed' ? 'closed' : 'open';
  const list = usePortalProjects(slug, state);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Projects"
        description={`What ${branding.name} is working on for you, and how far along it is.`}
      />
      <TabLinks
        label="Which projects"
        tabs={[
          { to: `${base}/projects`, label: 'Open', selected: state === 'open' },
          { to: `${base}/projects?state=closed`, label: 'Closed', selected: state === 'closed' },
        ]}
      />
      {list.isPending ? (
        <Loading label="Loading your projects…" />
      ) : list.isError ? (
        <ErrorState message={messageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={state === 'open' ? 'No open projects' : 'No closed projects'}>
          {state === 'open'
            ? `When ${branding.name} starts a project for you, it appears here with its progress, deliverables to approve, files and messages.`
            : 'Completed and cancelled projects are kept here, with their files and messages.'}
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
                    {p.status === 'completed' || p.status === 'cancelled' ? 'Was due' : 'Due'}{' '}
                    {format.day(p.due_date)}
                  </p>
                )}
                <div className="mt-3">
                  <ProgressBar progress={p.progress} label={`Progress of ${p.name}`} />
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
          Show more
        </Button>
      )}
    </div>
  );
}
