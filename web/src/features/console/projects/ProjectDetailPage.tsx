import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, Route, Routes, useParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { Alert, Button, Card, ErrorState, Loading, TabLinks, useToast } from '@/components/ui';
import { formatDay } from '@/lib/format';
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
import { PROJECT_STATUSES, projectStatusLooks } from './statuses';
import { select } from '@/components/styles';
import { TasksTab } from './TasksTab';
import { MarkdownView } from '@/components/Markdown';

const TABS = [
  { path: 'tasks', label: 'Tasks' },
  { path: 'deliverables', label: 'Deliverables' },
  { path: 'files', label: 'Files' },
  { path: 'messages', label: 'Messages' },
  { path: 'time', label: 'Time' },
  { path: 'activity', label: 'Activity' },
  { path: 'feedback', label: 'Feedback' },
];

export function ProjectDetailPage() {
  const { id = '', '*': rest = '' } = useParams();
  const project = useProject(id);
  const tab = rest.split('/')[0] || 'tasks';
  const threads = useThreads(id);
  const unread = (threads.data?.items ?? []).reduce((n, t) => n + t.unread_count, 0);
  return (
    <div>
      <Link
        to="/app/projects"
        className="mb-4 inline-block text-sm font-medium text-slate-700 hover:underline"
      >
        ← All projects
      </Link>
      {project.isPending ? (
        <Loading label="Loading the project…" />
      ) : project.isError ? (
        <ErrorState
          title="This project could not be loaded"
          message={messageOf(project.error)}
          onRetry={() => void project.refetch()}
        />
      ) : (
        <>
          <ProjectHeader project={project.data} />
          <nav aria-label="Project sections" className="mt-6">
            <TabLinks
              label="Project sections"
              tabs={TABS.map((t) => ({
                to: `/app/projects/${id}/${t.path}`,
                label: t.path === 'messages' && unread > 0 ? `${t.label} (${unread} unread)` : t.label,
                selected: tab === t.path,
              }))}
            />
          </nav>
          <Routes>
            <Route index element={<TasksTab project={project.data} />} />
            <Route path="tasks" element={<TasksTab project={project.data} />} />
            <Route path="deliverables" element={<DeliverablesTab project={project.data} />} />
            <Route path="files" element={<FilesTab project={project.data} />} />
            <Route path="messages" element={<MessagesTab project={project.data} />} />
            <Route path="messages/:threadId" element={<ThreadView project={project.data} />} />
            <Route path="time" element={<TimeTab project={project.data} />} />
            <Route path="activity" element={<ActivityTab project={project.data} />} />
            <Route path="feedback" element={<FeedbackTab project={project.data} />} />
            <Route
              path="*"
              element={<Alert tone="warning">This section does not exist. Pick one of the tabs above.</Alert>}
            />
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
  const toast = useToast();
  const saved = useProjectSaved();
  const tenant = useTenant();
  const staff = useStaffList();
  const locale = tenant.data?.locale ?? navigator.language;
  const [editing, setEditing] = useState(false);
  // The select shows the choice at once; the server's answer (or a failure) settles it.
  const [chosen, setChosen] = useState<ProjectStatus | null>(null);
  const status = useMutation({
    mutationFn: (next: ProjectStatus) => updateProject(project.id, { status: next }),
    onSettled: () => setChosen(null),
    onSuccess: (updated) => {
      saved(updated);
      toast(`“${updated.name}” is now ${projectStatusLooks[updated.status].label.toLowerCase()}`);
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
      toast(`Changes to “${updated.name}” saved`);
    },
  });
  const assignee = project.staff_id
    ? (staff.data?.items.find((s) => s.id === project.staff_id)?.name ?? 'A team member')
    : 'Nobody (owners and admins)';

  return (
    <Card>
      {editing ? (
        <>
          <h1 className="mb-4 text-xl font-semibold text-slate-900">Edit “{project.name}”</h1>
          <ProjectForm
            mode="edit"
            initial={draftOf(project)}
            submitLabel="Save changes"
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
              For{' '}
              <Link
                to={`/app/clients/${project.client_id}`}
                className="text-slate-900 underline underline-offset-2"
              >
                {project.client_name}
              </Link>
            </p>
            {project.description && <MarkdownView text={project.description} className="mt-3 max-w-prose" />}
            <dl className="mt-4 grid gap-4 text-sm sm:grid-cols-4">
              <Item label="Start">
                {project.start_date ? formatDay(project.start_date, locale) : 'Not set'}
              </Item>
              <Item label="Due">{project.due_date ? formatDay(project.due_date, locale) : 'Not set'}</Item>
              <Item label="Assigned to">{assignee}</Item>
              <Item label="Client uploads">{project.client_uploads ? 'Allowed' : 'Not allowed'}</Item>
            </dl>
            <div className="mt-4 max-w-md">
              <ProgressBar progress={project.progress} label="Project progress" />
            </div>
          </div>
          <div className="flex w-full flex-col gap-3 sm:w-56">
            <div className="space-y-1.5">
              <label htmlFor="project-status-select" className="block text-sm font-medium text-slate-800">
                Status
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
                    {projectStatusLooks[s].label}
                  </option>
                ))}
              </select>
            </div>
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Edit details
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
