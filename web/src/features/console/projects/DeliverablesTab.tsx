import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import {
  Alert,
  Button,
  Card,
  ConfirmButton,
  EmptyState,
  ErrorState,
  Loading,
  TextArea,
  TextField,
  useToast,
} from '@/components/ui';
import {
  createDeliverable,
  reopenDeliverable,
  submitDeliverable,
  updateDeliverable,
  uploadFile,
  useConsoleMe,
  useDeliverables,
  useFormatDate,
  useProjectChanged,
  useStaffList,
  useTenant,
  workKeys,
  type Deliverable,
  type DeliverableEvent,
  type ProjectDetail,
} from './api';
import { FileUpload } from './FileUpload';
import { formatBytes } from '@/lib/format';
import { downloadFile } from './files';
import { DeliverableStatusBadge } from './StatusBadges';
import { MarkdownView } from '@/components/Markdown';
import { MARKDOWN_HINT } from '@/lib/markdown';

/** What the client approves: create, edit, submit for review, reopen; history and files. */
export function DeliverablesTab({ project }: { project: ProjectDetail }) {
  const deliverables = useDeliverables(project.id);
  const items = deliverables.data?.items ?? [];
  return (
    <div className="space-y-6">
      <AddDeliverable project={project} />
      {deliverables.isPending ? (
        <Loading label="Loading deliverables…" />
      ) : deliverables.isError ? (
        <ErrorState
          title="The deliverables could not be loaded"
          message={messageOf(deliverables.error)}
          onRetry={() => void deliverables.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState title="No deliverables yet">
          A deliverable is something {project.client_name} approves, such as “Logo concepts”. Add one above,
          attach its files, then submit it for review: they are emailed and answer in the portal.
        </EmptyState>
      ) : (
        <ul aria-label="Deliverables" className="space-y-4">
          {items.map((d) => (
            <DeliverableCard key={d.id} project={project} deliverable={d} />
          ))}
        </ul>
      )}
    </div>
  );
}

function useDeliverablesChanged(projectId: string) {
  const queryClient = useQueryClient();
  const changed = useProjectChanged();
  return () => {
    void queryClient.invalidateQueries({ queryKey: workKeys.deliverables(projectId) });
    void queryClient.invalidateQueries({ queryKey: workKeys.files(projectId) });
    changed(projectId);
  };
}

function AddDeliverable({ project }: { project: ProjectDetail }) {
  const toast = useToast();
  const refresh = useDeliverablesChanged(project.id);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [tried, setTried] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      createDeliverable(project.id, { title: title.trim(), description: description.trim() || undefined }),
    onSuccess: (d) => {
      refresh();
      setTitle('');
      setDescription('');
      setTried(false);
      toast(`Deliverable “${d.title}” added — submit it for review when it is ready`);
    },
  });
  const problem = create.error instanceof ApiProblem ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (title.trim()) create.mutate();
  };
  return (
    <Card title="Add a deliverable">
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField
          label="Title"
          value={title}
          placeholder="e.g. Logo concepts"
          error={tried && !title.trim() ? 'Give the deliverable a title.' : problem?.fieldError('title')}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextArea
          label="Description (optional)"
          value={description}
          error={problem?.fieldError('description')}
          hint={`What the client is asked to look at. They see it in the portal. ${MARKDOWN_HINT}`}
          onChange={(e) => setDescription(e.target.value)}
        />
        <Button type="submit" busy={create.isPending}>
          Add deliverable
        </Button>
        {create.isError && (!problem || problem.offScreen(['title', 'description'])) && (
          <Alert tone="error">{messageOf(create.error, ['title', 'description'])}</Alert>
        )}
      </form>
    </Card>
  );
}

function DeliverableCard({ project, deliverable: d }: { project: ProjectDetail; deliverable: Deliverable }) {
  const toast = useToast();
  const refresh = useDeliverablesChanged(project.id);
  const format = useFormatDate();
  const [editing, setEditing] = useState(false);
  const [submitNote, setSubmitNote] = useState('');
  const [reopenNote, setReopenNote] = useState('');
  const submit = useMutation({
    mutationFn: () => submitDeliverable(d.id, submitNote.trim() || undefined),
    onSuccess: (u) => {
      refresh();
      setSubmitNote('');
      toast(`“${u.title}” submitted for review — ${project.client_name} has been emailed`);
    },
  });
  const reopen = useMutation({
    mutationFn: () => reopenDeliverable(d.id, reopenNote.trim() || undefined),
    onSuccess: (u) => {
      refresh();
      setReopenNote('');
      toast(`“${u.title}” reopened — it is back in progress`);
    },
  });
  const attach = useMutation({
    mutationFn: (file: File) => uploadFile(project.id, file, { clientVisible: true, deliverableId: d.id }),
    onSuccess: (f) => {
      refresh();
      toast(`“${f.name}” attached to “${d.title}”`);
    },
  });
  const canSubmit = d.status === 'in_progress' || d.status === 'changes_requested';
  const canReopen = d.status !== 'in_progress';
  const error = submit.error ?? reopen.error;

  return (
    <li aria-label={d.title}>
      <Card>
        {editing ? (
          <EditDeliverable deliverable={d} onDone={() => setEditing(false)} projectId={project.id} />
        ) : (
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                <h2 className="text-lg font-semibold break-words text-slate-900">{d.title}</h2>
                <DeliverableStatusBadge status={d.status} />
                {d.round > 1 && <span className="text-sm text-slate-600">Round {d.round}</span>}
              </div>
              {d.description && <MarkdownView text={d.description} className="mt-1" />}
              {d.status === 'submitted' && d.submitted_at && (
                <p className="mt-1 text-sm text-slate-600">
                  Sent to {project.client_name} {format(d.submitted_at)}; waiting for their answer.
                </p>
              )}
            </div>
            {d.status !== 'approved' && (
              <Button variant="ghost" onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
          </div>
        )}

        <div className="mt-4 flex flex-wrap gap-3">
          {canSubmit && (
            <ConfirmButton
              tone="primary"
              label={d.status === 'changes_requested' ? 'Resubmit for review' : 'Submit for review'}
              question={
                <>
                  Send “{d.title}” to {project.client_name} for review? They are emailed, and can approve it
                  or ask for changes in the portal.
                  <label className="mt-3 block font-medium">
                    Note for the client (optional)
                    <textarea
                      value={submitNote}
                      onChange={(e) => setSubmitNote(e.target.value)}
                      className="mt-1 block min-h-20 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-normal"
                    />
                  </label>
                </>
              }
              confirmLabel="Submit"
              busy={submit.isPending}
              onConfirm={() => submit.mutateAsync()}
            />
          )}
          {canReopen && (
            <ConfirmButton
              tone="primary"
              label="Reopen"
              question={
                <>
                  Put “{d.title}” back in progress?{' '}
                  {d.status === 'submitted'
                    ? `${project.client_name} can no longer answer until you submit it again.`
                    : 'You can submit it again when it is ready.'}
                  <label className="mt-3 block font-medium">
                    Note for the client (optional)
                    <textarea
                      value={reopenNote}
                      onChange={(e) => setReopenNote(e.target.value)}
                      className="mt-1 block min-h-20 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-normal"
                    />
                  </label>
                </>
              }
              confirmLabel="Reopen deliverable"
              busy={reopen.isPending}
              onConfirm={() => reopen.mutateAsync()}
            />
          )}
        </div>
        {error != null && (
          <div className="mt-3">
            <Alert tone="error">{messageOf(error)}</Alert>
          </div>
        )}

        <div className="mt-5 grid gap-6 md:grid-cols-2">
          <section aria-label={`Files of ${d.title}`}>
            <h3 className="mb-2 text-sm font-semibold text-slate-900">Files</h3>
            {d.files.length === 0 ? (
              <p className="text-sm text-slate-600">
                No files attached yet. The client sees the ones you attach.
              </p>
            ) : (
              <ul className="mb-3 space-y-1">
                {d.files.map((f) => (
                  <AttachedFile key={f.id} file={f} />
                ))}
              </ul>
            )}
            <details className="mt-2">
              <summary className="cursor-pointer text-sm font-medium text-slate-800">Attach a file</summary>
              <div className="mt-2">
                <FileUpload
                  label={`File for “${d.title}”`}
                  buttonLabel="Attach"
                  busy={attach.isPending}
                  error={attach.error}
                  onUpload={(file) => attach.mutateAsync(file)}
                />
              </div>
            </details>
          </section>
          <History project={project} events={d.history} title={d.title} />
        </div>
      </Card>
    </li>
  );
}

function AttachedFile({ file }: { file: Deliverable['files'][number] }) {
  const tenant = useTenant();
  const locale = tenant.data?.locale ?? navigator.language;
  const download = useMutation({ mutationFn: () => downloadFile(file.id) });
  return (
    <li className="flex flex-wrap items-center gap-2 text-sm">
      <button
        type="button"
        onClick={() => download.mutate()}
        className="font-medium break-all text-slate-900 underline underline-offset-2"
      >
        {file.name}
      </button>
      <span className="text-slate-600">{formatBytes(file.size, locale)}</span>
      {download.isError && <span className="text-red-700">{messageOf(download.error)}</span>}
    </li>
  );
}

function History({
  project,
  events,
  title,
}: {
  project: ProjectDetail;
  events: DeliverableEvent[];
  title: string;
}) {
  const format = useFormatDate();
  const me = useConsoleMe();
  const staff = useStaffList();
  const names = useMemo(() => new Map((staff.data?.items ?? []).map((s) => [s.id, s.name])), [staff.data]);
  const who = (e: DeliverableEvent) => {
    if (e.actor_kind === 'client') return project.client_name;
    if (e.actor_kind === 'api_key') return 'An integration (API key)';
    if (e.actor_kind === 'system') return 'Portico';
    if (e.actor_id && e.actor_id === me.data?.id) return 'You';
    return (e.actor_id && names.get(e.actor_id)) || 'A team member';
  };
  const what = (e: DeliverableEvent) => {
    switch (e.event) {
      case 'submitted':
        return `${who(e)} submitted it for review`;
      case 'approved':
        return `${who(e)} approved it`;
      case 'changes_requested':
        return `${who(e)} asked for changes`;
      case 'reopened':
        return `${who(e)} reopened it`;
      default:
        return `${who(e)}: ${String(e.event).replaceAll('_', ' ')}`;
    }
  };
  return (
    <section aria-label={`History of ${title}`}>
      <h3 className="mb-2 text-sm font-semibold text-slate-900">History</h3>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">Submissions and the client’s answers will be listed here.</p>
      ) : (
        <ol className="space-y-2 border-l-2 border-slate-200 pl-3 text-sm">
          {[...events].reverse().map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <p className="text-slate-900">{what(e)}.</p>
              {e.comment && (
                <blockquote
                  className={`mt-1 rounded-md px-3 py-2 whitespace-pre-wrap ${e.event === 'changes_requested' ? 'bg-red-50 text-red-900' : 'bg-slate-50 text-slate-800'}`}
                >
                  “{e.comment}”
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

function EditDeliverable({
  deliverable: d,
  projectId,
  onDone,
}: {
  deliverable: Deliverable;
  projectId: string;
  onDone: () => void;
}) {
  const toast = useToast();
  const refresh = useDeliverablesChanged(projectId);
  const [title, setTitle] = useState(d.title);
  const [description, setDescription] = useState(d.description ?? '');
  const save = useMutation({
    mutationFn: () =>
      updateDeliverable(d.id, { title: title.trim(), description: description.trim() || null }),
    onSuccess: (u) => {
      refresh();
      toast(`Changes to “${u.title}” saved`);
      onDone();
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim()) save.mutate();
      }}
      noValidate
      className="space-y-4"
    >
      <TextField
        label="Title"
        value={title}
        error={!title.trim() ? 'Give the deliverable a title.' : problem?.fieldError('title')}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextArea
        label="Description"
        value={description}
        error={problem?.fieldError('description')}
        hint={MARKDOWN_HINT}
        onChange={(e) => setDescription(e.target.value)}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" busy={save.isPending}>
          Save changes
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
      {save.isError && <Alert tone="error">{messageOf(save.error)}</Alert>}
    </form>
  );
}
