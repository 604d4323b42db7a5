import { Link } from 'react-router';
import { ListBody, ListFilterBar } from '@/components/ListFilters';
import { Cell, EmptyState, PageHeader, ResponsiveTable } from '@/components/ui';
import { formatDay } from '@/lib/format';
import { useListFilters } from '@/lib/useListFilters';
import { useProjects, useTenant, type Project } from './api';
import { ProgressBar } from './ProgressBar';
import { ProjectStatusBadge } from './StatusBadges';
import { PROJECT_STATUSES, projectStatusLooks } from './statuses';
import { linkButton, rowClass } from '@/components/styles';

export function ProjectsPage() {
  // The URL holds the search and filter, so a reload or a shared link shows the same list.
  const filters = useListFilters();
  const { q } = filters;
  const status = filters.get('status');
  const projects = useProjects(q, status);
  const items = projects.data?.pages.flatMap((p) => p.items) ?? [];

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
      <ListFilterBar
        id="project"
        filters={filters}
        placeholder="Project or client name"
        statuses={PROJECT_STATUSES.map((s) => ({ value: s, label: projectStatusLooks[s].label }))}
      />
      <ListBody
        query={projects}
        count={items.length}
        what="projects"
        filters={filters}
        clearLabel="Clear search and filter"
        noMatch={
          q
            ? `No project’s name or client contains “${q}”${status ? ' with this status' : ''}.`
            : 'No projects have this status.'
        }
        empty={
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
        }
      >
        <ProjectsTable projects={items} />
      </ListBody>
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
        <tr key={project.id} className={rowClass}>
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
