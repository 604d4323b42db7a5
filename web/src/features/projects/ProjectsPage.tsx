import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import {
  Alert,
  Button,
  Cell,
  EmptyState,
  ErrorState,
  Loading,
  PageHeader,
  ResponsiveTable,
  Spinner,
} from '@/components/ui';
import { formatDay } from '@/lib/format';
import { useDebounced } from '@/lib/useDebounced';
import { useProjects, useTenant, type Project } from './api';
import { ProgressBar } from './ProgressBar';
import { ProjectStatusBadge } from './StatusBadges';
import { PROJECT_STATUSES, projectStatusLooks } from './statuses';
import { labelClass, linkButton, select } from './styles';

export function ProjectsPage() {
  const [params, setParams] = useSearchParams();
  // The URL holds the search and filter, so a reload or a shared link shows the same list.
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const [text, setText] = useState(q);
  const typed = useDebounced(text.trim(), 300);
  const [shownQ, setShownQ] = useState(q);
  if (q !== shownQ) {
    setShownQ(q);
    if (q !== text.trim()) setText(q);
  }

  const setParam = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if (typed !== q) setParam('q', typed);
    // Only settled typing writes the address; a change of address alone must not write it back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);

  const projects = useProjects(q, status);
  const items = projects.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(q || status);

  return (
    <div>
      <PageHeader
        title="Projects"
        description="Work you share with a client: tasks, deliverables, files, messages and time."
        actions={
          <Link to="/app/projects/new" className={linkButton}>
            New project
          </Link>
        }
      />
      <div role="search" className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1 space-y-1.5">
          <label htmlFor="project-search" className={labelClass}>
            Search
          </label>
          <input
            id="project-search"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Project or client name"
            className="block h-10 w-full rounded-lg border border-slate-300 bg-white px-3 text-[15px] text-slate-900 shadow-sm placeholder:text-slate-500"
          />
        </div>
        <div className="space-y-1.5 sm:w-56">
          <label htmlFor="project-status" className={labelClass}>
            Status
          </label>
          <select
            id="project-status"
            value={status}
            onChange={(e) => setParam('status', e.target.value)}
            className={select}
          >
            <option value="">All statuses</option>
            {PROJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {projectStatusLooks[s].label}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div aria-live="polite" className="mb-2 min-h-5 text-sm text-slate-600">
        {projects.isFetching && !projects.isFetchingNextPage && projects.data ? (
          <Spinner size="sm" label="Updating…" />
        ) : null}
      </div>

      {projects.isPending ? (
        <Loading label="Loading projects…" />
      ) : projects.isError && !projects.data ? (
        <ErrorState
          title="The projects could not be loaded"
          message={messageOf(projects.error)}
          onRetry={() => void projects.refetch()}
        />
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No projects match"
            action={
              <Button
                variant="secondary"
                onClick={() => {
                  setText('');
                  setParams(new URLSearchParams(), { replace: true });
                }}
              >
                Clear search and filter
              </Button>
            }
          >
            {q
              ? `No project’s name or client contains “${q}”${status ? ' with this status' : ''}.`
              : 'No projects have this status.'}{' '}
            Try another search or status.
          </EmptyState>
        ) : (
          <EmptyState
            title="No projects yet"
            action={
              <Link to="/app/projects/new" className={linkButton}>
                Start your first project
              </Link>
            }
          >
            A project gathers the tasks, deliverables, files and messages of a piece of work for one client.
            It appears here, and your client follows it in the portal.
          </EmptyState>
        )
      ) : (
        <>
          <ProjectsTable projects={items} />
          {projects.isFetchNextPageError && (
            <div className="mt-4">
              <Alert tone="error">{messageOf(projects.error)}</Alert>
            </div>
          )}
          {projects.hasNextPage && (
            <div className="mt-4 flex justify-center">
              <Button
                variant="secondary"
                busy={projects.isFetchingNextPage}
                onClick={() => void projects.fetchNextPage()}
              >
                Load more projects
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function ProjectsTable({ projects }: { projects: Project[] }) {
  const tenant = useTenant();
  const locale = tenant.data?.locale ?? navigator.language;
  return (
    <ResponsiveTable
      columns={[
        'Project',
        'Client',
        'Status',
        'Progress',
        { label: 'Due', className: 'hidden md:table-cell' },
      ]}
    >
      {projects.map((project) => (
        <tr
          key={project.id}
          className="relative block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:bg-slate-50 sm:table-row sm:rounded-none sm:border-0 sm:p-0 sm:shadow-none"
        >
          <td className="block pb-2 sm:table-cell sm:px-4 sm:py-3">
            <Link
              to={`/app/projects/${project.id}`}
              className="font-semibold text-slate-900 after:absolute after:inset-0 after:content-[''] hover:underline"
            >
              {project.name}
            </Link>
          </td>
          <Cell label="Client">
            <Link
              to={`/app/clients/${project.client_id}`}
              className="relative z-10 underline underline-offset-2"
            >
              {project.client_name}
            </Link>
          </Cell>
          <Cell label="Status">
            <ProjectStatusBadge status={project.status} />
          </Cell>
          <Cell label="Progress">
            <ProgressBar progress={project.progress} label={`Progress of ${project.name}`} />
          </Cell>
          <Cell label="Due" wide="sm:hidden md:table-cell">
            {project.due_date ? (
              <span className="whitespace-nowrap">{formatDay(project.due_date, locale)}</span>
            ) : (
              <span className="text-slate-600">Not set</span>
            )}
          </Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
