import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '@/api/problem';
import { MarkdownView } from '@/components/Markdown';
import { Alert, Button, Card, ConfirmButton, useToast } from '@/components/ui';
import { formatBytes } from '@/lib/format';
import {
  reopenDeliverable,
  submitDeliverable,
  uploadFile,
  useFormatDate,
  useTenant,
  type Deliverable,
  type ProjectDetail,
} from './api';
import { DeliverableHistory } from './DeliverableHistory';
import { EditDeliverable } from './EditDeliverable';
import { FileUpload } from './FileUpload';
import { downloadFile } from './files';
import { DeliverableStatusBadge } from './StatusBadges';
import { useDeliverablesChanged } from './useDeliverablesChanged';

/** One deliverable: its status, submit and reopen, its files and its history. */
export function DeliverableCard({
  project,
  deliverable: d,
}: {
  project: ProjectDetail;
  deliverable: Deliverable;
}) {
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
          <DeliverableHistory project={project} events={d.history} title={d.title} />
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
