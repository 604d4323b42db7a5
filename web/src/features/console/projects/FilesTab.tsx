import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '@/api/problem';
import {
  Alert,
  Badge,
  Button,
  Card,
  ConfirmButton,
  EmptyState,
  ErrorState,
  Loading,
  useToast,
} from '@/components/ui';
import {
  deleteFile,
  updateFile,
  uploadFile,
  useFormatDate,
  useProjectChanged,
  useProjectFiles,
  useTenant,
  workKeys,
  type ProjectDetail,
  type ProjectFile,
} from './api';
import { FileUpload } from './FileUpload';
import { consoleFiles, FilePreview } from '@/components/files';
import { formatBytes } from '@/lib/format';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
import { downloadFile } from './files';

/** The project's files: upload, choose what the client sees, download, delete. */
export function FilesTab({ project }: { project: ProjectDetail }) {
  const t = useT();
  const files = useProjectFiles(project.id);
  const toast = useToast();
  const queryClient = useQueryClient();
  const changed = useProjectChanged();
  const upload = useMutation({
    mutationFn: ({ file, visible }: { file: File; visible: boolean }) =>
      uploadFile(project.id, file, { clientVisible: visible }),
    onSuccess: (f) => {
      void queryClient.invalidateQueries({ queryKey: workKeys.files(project.id) });
      changed(project.id);
      toast(
        f.client_visible
          ? t('consoleProjectsFiles.uploadedShared', { name: f.name, client: project.client_name })
          : t('consoleProjectsFiles.uploadedInternal', { name: f.name }),
      );
    },
  });
  const items = files.data?.items ?? [];
  return (
    <div className="space-y-6">
      <Card title={t('consoleProjectsFiles.uploadTitle')}>
        <FileUpload
          label={t('consoleProjectsFiles.file')}
          buttonLabel={t('consoleProjectsFiles.upload')}
          visibility={false}
          busy={upload.isPending}
          error={upload.error}
          onUpload={(file, visible) => upload.mutateAsync({ file, visible })}
        />
      </Card>
      {files.isPending ? (
        <Loading label={t('consoleProjectsFiles.loading')} />
      ) : files.isError ? (
        <ErrorState
          title={t('consoleProjectsFiles.loadError')}
          message={messageOf(files.error)}
          onRetry={() => void files.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState title={t('consoleProjectsFiles.emptyTitle')}>
          {t('consoleProjectsFiles.emptyText', { client: project.client_name })}
          {project.client_uploads && ` ${t('consoleProjectsFiles.emptyClientUploads')}`}
        </EmptyState>
      ) : (
        <Card title={t('consoleProjectsFiles.listTitle', { count: items.length })}>
          <ul aria-label={t('consoleProjectsFiles.listLabel')} className="divide-y divide-slate-100">
            {items.map((f) => (
              <FileRow key={f.id} project={project} file={f} />
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

function FileRow({ project, file }: { project: ProjectDetail; file: ProjectFile }) {
  const t = useT();
  const toast = useToast();
  const queryClient = useQueryClient();
  const tenant = useTenant();
  const format = useFormatDate();
  const locale = useFormatLocale(tenant.data?.locale);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const put = (next: ProjectFile | null) =>
    queryClient.setQueryData<{ items: ProjectFile[] }>(workKeys.files(project.id), (d) =>
      d
        ? {
            ...d,
            items: next
              ? d.items.map((x) => (x.id === file.id ? next : x))
              : d.items.filter((x) => x.id !== file.id),
          }
        : d,
    );
  // The box shows the choice at once; the server's answer (or a failure) settles it.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const visibility = useMutation({
    mutationFn: (clientVisible: boolean) => updateFile(file.id, { client_visible: clientVisible }),
    onSettled: () => setChosen(null),
    onSuccess: (f) => {
      put(f);
      toast(
        f.client_visible
          ? t('consoleProjectsFiles.nowVisible', { name: f.name, client: project.client_name })
          : t('consoleProjectsFiles.nowInternal', { name: f.name, client: project.client_name }),
      );
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteFile(file.id),
    onSuccess: () => {
      put(null);
      toast(t('consoleProjectsFiles.deleted', { name: file.name }));
    },
  });
  const download = useMutation({
    mutationFn: () => downloadFile(file.id),
    onMutate: () => setDownloadError(null),
    onError: (e) => setDownloadError(e),
  });
  const shown = chosen ?? file.client_visible;
  const error = visibility.error ?? remove.error ?? downloadError;
  return (
    <li aria-label={file.name} className="py-3">
      <div className="flex flex-wrap items-center gap-3">
        <FilePreview file={file} source={consoleFiles} />
        <div className="min-w-48 flex-1">
          <p className="flex flex-wrap items-center gap-2 font-medium break-all text-slate-900">
            {file.name}
            {file.client_visible ? (
              <Badge tone="blue">{t('consoleProjectsFiles.shared')}</Badge>
            ) : (
              <Badge tone="amber">{t('consoleProjectsFiles.internal')}</Badge>
            )}
            {file.message_id && <Badge>{t('consoleProjectsFiles.sentInMessage')}</Badge>}
          </p>
          <p className="text-sm text-slate-600">
            {formatBytes(file.size, locale)} · {format(file.created_at)}
            {file.uploaded_by_kind === 'client' &&
              ` · ${t('consoleProjectsFiles.uploadedBy', { client: project.client_name })}`}
          </p>
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={shown}
            disabled={visibility.isPending}
            onChange={(e) => {
              setChosen(e.target.checked);
              visibility.mutate(e.target.checked);
            }}
            aria-label={t('consoleProjectsFiles.visibleLabel', { name: file.name })}
            className="h-4 w-4 rounded border-slate-300"
          />
          {t('consoleProjectsFiles.visible')}
        </label>
        <Button variant="secondary" busy={download.isPending} onClick={() => download.mutate()}>
          {t('consoleProjectsFiles.download')}
        </Button>
        <ConfirmButton
          label={t('consoleProjectsFiles.delete')}
          question={
            file.client_visible
              ? t('consoleProjectsFiles.deleteQuestionShared', {
                  name: file.name,
                  client: project.client_name,
                })
              : t('consoleProjectsFiles.deleteQuestion', { name: file.name })
          }
          confirmLabel={t('consoleProjectsFiles.deleteConfirm')}
          busy={remove.isPending}
          onConfirm={() => remove.mutateAsync()}
        />
      </div>
      {error != null && (
        <div className="mt-2">
          <Alert tone="error">{messageOf(error)}</Alert>
        </div>
      )}
    </li>
  );
}
