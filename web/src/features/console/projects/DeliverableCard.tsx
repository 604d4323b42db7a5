import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '@/api/problem';
import { MarkdownView } from '@/components/Markdown';
import { consoleFiles, FilePreview } from '@/components/files';
import { Alert, Button, Card, ConfirmButton, useToast } from '@/components/ui';
import { formatBytes } from '@/lib/format';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
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
  const t = useT();
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
      toast(t('consoleProjectsDeliverables.submitted', { title: u.title, client: project.client_name }));
    },
  });
  const reopen = useMutation({
    mutationFn: () => reopenDeliverable(d.id, reopenNote.trim() || undefined),
    onSuccess: (u) => {
      refresh();
      setReopenNote('');
      toast(t('consoleProjectsDeliverables.reopened', { title: u.title }));
    },
  });
  const attach = useMutation({
    mutationFn: (file: File) => uploadFile(project.id, file, { clientVisible: true, deliverableId: d.id }),
    onSuccess: (f) => {
      refresh();
      toast(t('consoleProjectsDeliverables.attached', { name: f.name, title: d.title }));
    },
  });
  const canSubmit = d.status === 'in_progress' || d.status === 'changes_requested';
  const canReopen = d.status !== 'in_progress';
  const resubmitting = d.status === 'changes_requested';
  const awaitingAnswer = d.status === 'submitted';
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
                {d.round > 1 && (
                  <span className="text-sm text-slate-600">
                    {t('consoleProjectsDeliverables.round', { round: d.round })}
                  </span>
                )}
              </div>
              {d.description && <MarkdownView text={d.description} className="mt-1" />}
              {d.status === 'submitted' && d.submitted_at && (
                <p className="mt-1 text-sm text-slate-600">
                  {t('consoleProjectsDeliverables.waiting', {
                    client: project.client_name,
                    date: format(d.submitted_at),
                  })}
                </p>
              )}
            </div>
            {d.status !== 'approved' && (
              <Button variant="ghost" onClick={() => setEditing(true)}>
                {t('consoleProjectsDeliverables.edit')}
              </Button>
            )}
          </div>
        )}

        <div className="mt-4 flex flex-wrap gap-3">
          {canSubmit && (
            <ConfirmButton
              tone="primary"
              label={
                resubmitting
                  ? t('consoleProjectsDeliverables.resubmit')
                  : t('consoleProjectsDeliverables.submit')
              }
              question={
                <>
                  {t('consoleProjectsDeliverables.submitQuestion', {
                    title: d.title,
                    client: project.client_name,
                  })}
                  <NoteField value={submitNote} onChange={setSubmitNote} />
                </>
              }
              confirmLabel={t('consoleProjectsDeliverables.submitConfirm')}
              busy={submit.isPending}
              onConfirm={() => submit.mutateAsync()}
            />
          )}
          {canReopen && (
            <ConfirmButton
              tone="primary"
              label={t('consoleProjectsDeliverables.reopen')}
              question={
                <>
                  {t('consoleProjectsDeliverables.reopenQuestion', { title: d.title })}{' '}
                  {awaitingAnswer
                    ? t('consoleProjectsDeliverables.reopenSubmitted', { client: project.client_name })
                    : t('consoleProjectsDeliverables.reopenLater')}
                  <NoteField value={reopenNote} onChange={setReopenNote} />
                </>
              }
              confirmLabel={t('consoleProjectsDeliverables.reopenConfirm')}
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
          <section aria-label={t('consoleProjectsDeliverables.filesOf', { title: d.title })}>
            <h3 className="mb-2 text-sm font-semibold text-slate-900">
              {t('consoleProjectsDeliverables.files')}
            </h3>
            {d.files.length === 0 ? (
              <p className="text-sm text-slate-600">{t('consoleProjectsDeliverables.noFiles')}</p>
            ) : (
              <ul className="mb-3 space-y-2">
                {d.files.map((f) => (
                  <AttachedFile key={f.id} file={f} />
                ))}
              </ul>
            )}
            <details className="mt-2">
              <summary className="cursor-pointer text-sm font-medium text-slate-800">
                {t('consoleProjectsDeliverables.attachTitle')}
              </summary>
              <div className="mt-2">
                <FileUpload
                  label={t('consoleProjectsDeliverables.fileFor', { title: d.title })}
                  buttonLabel={t('consoleProjectsDeliverables.attach')}
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

/** The optional note that goes to the client with a submission or a reopening. */
function NoteField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const t = useT();
  return (
    <label className="mt-3 block font-medium">
      {t('consoleProjectsDeliverables.note')}
      <textarea
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="mt-1 block min-h-20 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-normal"
      />
    </label>
  );
}

function AttachedFile({ file }: { file: Deliverable['files'][number] }) {
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  const download = useMutation({ mutationFn: () => downloadFile(file.id) });
  return (
    <li className="flex items-center gap-3 text-sm">
      <FilePreview file={file} source={consoleFiles} size="md" />
      <div className="min-w-0 flex-1">
        <button
          type="button"
          onClick={() => download.mutate()}
          className="text-left font-medium break-all text-slate-900 underline underline-offset-2"
        >
          {file.name}
        </button>
        <p className="text-slate-600">{formatBytes(file.size, locale)}</p>
        {download.isError && <p className="text-red-700">{messageOf(download.error)}</p>}
      </div>
    </li>
  );
}
