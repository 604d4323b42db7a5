import { Link, useSearchParams } from 'react-router';
import { ClientFilterNotice } from '@/components/ClientFilterNotice';
import { ListBody, ListFilterBar } from '@/components/ListFilters';
import { Cell, EmptyState, PageHeader, ResponsiveTable } from '@/components/ui';
import { formatDay } from '@/lib/format';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
import { useListFilters } from '@/lib/useListFilters';
import { useProjects, useTenant, type Project } from './api';
import { ProgressBar } from './ProgressBar';
import { ProjectStatusBadge } from './StatusBadges';
import { PROJECT_STATUSES, projectStatusLook } from './statuses';
import { linkButton, rowClass } from '@/components/styles';

/** `/app/projects`: every project; `?client_id=` shows only that client's (the client page's "See all"). */
export function ProjectsPage() {
  const t = useT();
  // The URL holds the search and filter, so a reload or a shared link shows the same list.
  const filters = useListFilters();
  const [params] = useSearchParams();
  const { q } = filters;
  const status = filters.get('status');
  const clientId = filters.get('client_id');
  const projects = useProjects(q, status, clientId);
  const items = projects.data?.pages.flatMap((p) => p.items) ?? [];
  const what = t('consoleProjects.list.what');
  const everyone = new URLSearchParams(params);
  everyone.delete('client_id');

  return (
    <div>
      <PageHeader
        title={t('consoleProjects.list.title')}
        description={t('consoleProjects.list.description')}
        actions={
          <Link to="/app/projects/new" className={linkButton}>
            {t('consoleProjects.list.new')}
          </Link>
        }
      />
      <ListFilterBar
        id="project"
        filters={filters}
        placeholder={t('consoleProjects.list.search')}
        statuses={PROJECT_STATUSES.map((s) => ({ value: s, label: projectStatusLook(s).label }))}
      />
      {clientId && (
        <ClientFilterNotice
          clientId={clientId}
          what={what}
          showAll={`/app/projects${everyone.size ? `?${everyone.toString()}` : ''}`}
          clientName={items.find((p) => p.client_id === clientId)?.client_name}
        />
      )}
      <ListBody
        query={projects}
        count={items.length}
        what={what}
        filters={filters}
        clearLabel={t('consoleProjects.list.clear')}
        noMatch={
          q
            ? status
              ? t('consoleProjects.list.noMatchSearchStatus', { q })
              : t('consoleProjects.list.noMatchSearch', { q })
            : status
              ? t('consoleProjects.list.noMatchStatus')
              : undefined
        }
        empty={
          <EmptyState
            title={t('consoleProjects.list.emptyTitle')}
            action={
              <Link to="/app/projects/new" className={linkButton}>
                {t('consoleProjects.list.emptyAction')}
              </Link>
            }
          >
            {t('consoleProjects.list.emptyText')}
          </EmptyState>
        }
      >
        <ProjectsTable projects={items} />
      </ListBody>
    </div>
  );
}

function ProjectsTable({ projects }: { projects: Project[] }) {
  const t = useT();
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  return (
    <ResponsiveTable
      columns={[
        t('consoleProjects.column.project'),
        t('consoleProjects.column.client'),
        t('consoleProjects.column.status'),
        t('consoleProjects.column.progress'),
        { label: t('consoleProjects.column.due'), className: 'hidden md:table-cell' },
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
          <Cell label={t('consoleProjects.column.client')}>
            <Link
              to={`/app/clients/${project.client_id}`}
              className="relative z-10 underline underline-offset-2"
            >
              {project.client_name}
            </Link>
          </Cell>
          <Cell label={t('consoleProjects.column.status')}>
            <ProjectStatusBadge status={project.status} />
          </Cell>
          <Cell label={t('consoleProjects.column.progress')}>
            <ProgressBar
              progress={project.progress}
              label={t('consoleProjects.list.progressOf', { name: project.name })}
            />
          </Cell>
          <Cell label={t('consoleProjects.column.due')} wide="sm:hidden md:table-cell">
            {project.due_date ? (
              <span className="whitespace-nowrap">{formatDay(project.due_date, locale)}</span>
            ) : (
              <span className="text-slate-600">{t('consoleProjects.notSet')}</span>
            )}
          </Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
