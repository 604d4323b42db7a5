import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, Route, Routes, useParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { Alert, Button, Card, ErrorState, Loading, TabLinks, useToast } from '@/components/ui';
import { formatDay } from '@/lib/format';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
import { Rich } from '@/lib/i18n/Rich';
import { ActivityTab } from './ActivityTab';
import { DeliverablesTab } from './DeliverablesTab';
import { FeedbackTab } from './FeedbackTab';
import { FilesTab } from './FilesTab';
import { MessagesTab, ThreadView } from './MessagesTab';
import { TimeTab } from './TimeTab';
import {
  updateProject,
  useProject,
  useProjectSaved,
  useStaffList,
  useTenant,
  useThreads,
  type ProjectDetail,
  type ProjectStatus,
} from './api';
import { ProgressBar } from './ProgressBar';
import { ProjectForm } from './ProjectForm';
import type { ProjectDraft } from './projectDraft';
import { ProjectStatusBadge } from './StatusBadges';
import { PROJECT_STATUSES, projectStatusLook } from './statuses';
import { select } from '@/components/styles';
import { TasksTab } from './TasksTab';
import { MarkdownView } from '@/components/Markdown';

const TABS = [
  { path: 'tasks', key: 'consoleProjects.tab.tasks' },
  { path: 'deliverables', key: 'consoleProjects.tab.deliverables' },
  { path: 'files', key: 'consoleProjects.tab.files' },
  { path: 'messages', key: 'consoleProjects.tab.messages' },
  { path: 'time', key: 'consoleProjects.tab.time' },
  { path: 'activity', key: 'consoleProjects.tab.activity' },
  { path: 'feedback', key: 'consoleProjects.tab.feedback' },
];

/** A thread's page, under the project's. */
const THREAD_PATH = 'messages/:threadId';

export function ProjectDetailPage() {
  const t = useT();
  const { id = '', '*': rest = '' } = useParams();
  const project = useProject(id);
  const tab = rest.split('/')[0] || 'tasks';
  const threads = useThreads(id);
  const unread = (threads.data?.items ?? []).reduce((n, th) => n + th.unread_count, 0);
  return (
    <div>
      <Link
        to="/app/projects"
        className="mb-4 inline-block text-sm font-medium text-slate-700 hover:underline"
      >
        {t('consoleProjects.detail.back')}
      </Link>
      {project.isPending ? (
        <Loading label={t('consoleProjects.detail.loading')} />
      ) : project.isError ? (
        <ErrorState
          title={t('consoleProjects.detail.loadError')}
          message={messageOf(project.error)}
          onRetry={() => void project.refetch()}
        />
      ) : (
        <>
          <ProjectHeader project={project.data} />
          <nav aria-label={t('consoleProjects.detail.sections')} className="mt-6">
            <TabLinks
              label={t('consoleProjects.detail.sections')}
              tabs={TABS.map((s) => ({
                to: `/app/projects/${id}/${s.path}`,
                label:
                  s.path === 'messages' && unread > 0
                    ? t('consoleProjects.tab.messagesUnread', { count: unread })
                    : t(s.key),
                selected: tab === s.path,
              }))}
            />
          </nav>
          <Routes>
            <Route index element={<TasksTab project={project.data} />} />
            <Route path="tasks" element={<TasksTab project={project.data} />} />
            <Route path="deliverables" element={<DeliverablesTab project={project.data} />} />
            <Route path="files" element={<FilesTab project={project.data} />} />
            <Route path="messages" element={<MessagesTab project={project.data} />} />
            <Route path={THREAD_PATH} element={<ThreadView project={project.data} />} />
            <Route path="time" element={<TimeTab project={project.data} />} />
            <Route path="activity" element={<ActivityTab project={project.data} />} />
            <Route path="feedback" element={<FeedbackTab project={project.data} />} />
            <Route path="*" element={<Alert tone="warning">{t('consoleProjects.detail.noSection')}</Alert>} />
          </Routes>
        </>
      )}
    </div>
  );
}

function draftOf(p: ProjectDetail): ProjectDraft {
  return {
    client: { id: p.client_id, name: p.client_name },
    name: p.name,
    description: p.description ?? '',
    status: p.status,
    start_date: p.start_date ?? '',
    due_date: p.due_date ?? '',
    staff_id: p.staff_id ?? '',
    client_uploads: p.client_uploads,
  };
}

function ProjectHeader({ project }: { project: ProjectDetail }) {
  const t = useT();
  const toast = useToast();
  const saved = useProjectSaved();
  const tenant = useTenant();
  const staff = useStaffList();
  const locale = useFormatLocale(tenant.data?.locale);
  const [editing, setEditing] = useState(false);
  // The select shows the choice at once; the server's answer (or a failure) settles it.
  const [chosen, setChosen] = useState<ProjectStatus | null>(null);
  const status = useMutation({
    mutationFn: (next: ProjectStatus) => updateProject(project.id, { status: next }),
    onSettled: () => setChosen(null),
    onSuccess: (updated) => {
      saved(updated);
      toast(t('consoleProjects.detail.statusChanged', { name: updated.name, status: updated.status }));
    },
  });
  const edit = useMutation({
    mutationFn: (d: ProjectDraft) =>
      updateProject(project.id, {
        name: d.name.trim(),
        description: d.description.trim() || null,
        start_date: d.start_date || null,
        due_date: d.due_date || null,
        staff_id: d.staff_id || null,
        client_uploads: d.client_uploads,
      }),
    onSuccess: (updated) => {
      saved(updated);
      setEditing(false);
      toast(t('consoleProjects.detail.saved', { name: updated.name }));
    },
  });
  const assignee = project.staff_id
    ? (staff.data?.items.find((s) => s.id === project.staff_id)?.name ??
      t('consoleProjects.detail.aTeamMember'))
    : t('consoleProjects.detail.nobody');

  return (
    <Card>
      {editing ? (
        <>
          <h1 className="mb-4 text-xl font-semibold text-slate-900">
            {t('consoleProjects.detail.editTitle', { name: project.name })}
          </h1>
          <ProjectForm
            mode="edit"
            initial={draftOf(project)}
            submitLabel={t('consoleProjects.detail.saveChanges')}
            busy={edit.isPending}
            error={edit.error}
            onCancel={() => {
              edit.reset();
              setEditing(false);
            }}
            onSubmit={(d) => edit.mutate(d)}
          />
        </>
      ) : (
        <div className="flex flex-wrap items-start justify-between gap-6">
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-3">
              <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">
                {project.name}
              </h1>
              <ProjectStatusBadge status={project.status} />
            </div>
            <p className="mt-1 text-slate-600">
              <Rich
                text={t('consoleProjects.detail.forClient', { client: project.client_name })}
                tags={{
                  link: (chunk) => (
                    <Link
                      to={`/app/clients/${project.client_id}`}
                      className="text-slate-900 underline underline-offset-2"
                    >
                      {chunk}
                    </Link>
                  ),
                }}
              />
            </p>
            {project.description && <MarkdownView text={project.description} className="mt-3 max-w-prose" />}
            <dl className="mt-4 grid gap-4 text-sm sm:grid-cols-4">
              <Item label={t('consoleProjects.detail.start')}>
                {project.start_date ? formatDay(project.start_date, locale) : t('consoleProjects.notSet')}
              </Item>
              <Item label={t('consoleProjects.detail.due')}>
                {project.due_date ? formatDay(project.due_date, locale) : t('consoleProjects.notSet')}
              </Item>
              <Item label={t('consoleProjects.detail.assignedTo')}>{assignee}</Item>
              <Item label={t('consoleProjects.detail.clientUploads')}>
                {project.client_uploads
                  ? t('consoleProjects.detail.uploadsAllowed')
                  : t('consoleProjects.detail.uploadsNotAllowed')}
              </Item>
            </dl>
            <div className="mt-4 max-w-md">
              <ProgressBar progress={project.progress} label={t('consoleProjects.detail.progress')} />
            </div>
          </div>
          <div className="flex w-full flex-col gap-3 sm:w-56">
            <div className="space-y-1.5">
              <label htmlFor="project-status-select" className="block text-sm font-medium text-slate-800">
                {t('consoleProjects.detail.status')}
              </label>
              <select
                id="project-status-select"
                value={chosen ?? project.status}
                disabled={status.isPending}
                onChange={(e) => {
                  setChosen(e.target.value as ProjectStatus);
                  status.mutate(e.target.value as ProjectStatus);
                }}
                className={select}
              >
                {PROJECT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {projectStatusLook(s).label}
                  </option>
                ))}
              </select>
            </div>
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('consoleProjects.detail.edit')}
            </Button>
            {status.isError && <Alert tone="error">{messageOf(status.error)}</Alert>}
          </div>
        </div>
      )}
    </Card>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="mt-0.5 font-medium text-slate-900">{children}</dd>
    </div>
  );
}
