import { useRef, useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import {
  Button,
  Card,
  Cell,
  EmptyState,
  ErrorState,
  Loading,
  ResponsiveTable,
  useToast,
} from '@/components/ui';
import { FilePreview, portalFiles } from '@/components/files';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { uploadFile, useFilesChanged, useProjectFiles, type PortalProjectDetail } from './api';
import { DownloadButton } from './DownloadButton';
import { ProjectFrame } from './ProjectFrame';
import { useReadOnly } from './readOnly';
import { formatBytes } from '@/lib/format';

/** `/projects/:id/files`: the files shared on the project, and an upload when the project allows it. */
export function FilesPage() {
  return <ProjectFrame tab="files">{(p) => <Files project={p} />}</ProjectFrame>;
}

function Files({ project }: { project: PortalProjectDetail }) {
  const t = useT();
  const { slug, branding } = usePortal();
  const format = usePortalFormat();
  const readOnly = useReadOnly();
  const files = useProjectFiles(slug, project.id);
  const canUpload = project.client_uploads && !readOnly;

  return (
    <div className="space-y-6">
      {files.isPending ? (
        <Loading label={t('portalProjectsFiles.loading')} />
      ) : files.isError ? (
        <ErrorState message={messageOf(files.error)} onRetry={() => void files.refetch()} />
      ) : files.data.items.length === 0 ? (
        <EmptyState title={t('portalProjectsFiles.empty')}>
          {project.client_uploads
            ? t('portalProjectsFiles.emptyTextUploads', { business: branding.name })
            : t('portalProjectsFiles.emptyText', { business: branding.name })}
        </EmptyState>
      ) : (
        <ResponsiveTable
          columns={[
            t('portalProjectsFiles.colName'),
            t('portalProjectsFiles.colSize'),
            t('portalProjectsFiles.colAdded'),
            { label: t('portalProjectsFiles.download'), className: 'sr-only' },
          ]}
        >
          {files.data.items.map((f) => (
            <tr
              key={f.id}
              className="block rounded-xl border border-slate-200 bg-white p-4 sm:table-row sm:border-0 sm:p-0"
            >
              <td className="block pb-2 font-medium break-all text-slate-900 sm:table-cell sm:px-4 sm:py-2">
                {/* The thumbnail; an image or a PDF opens in a preview over the page. */}
                <span className="flex items-center gap-3">
                  <FilePreview file={f} source={portalFiles} />
                  <span className="min-w-0">
                    {f.name}
                    {f.uploaded_by_you && (
                      <span className="ml-2 text-xs font-normal text-slate-600">
                        {t('portalProjectsFiles.fromYou')}
                      </span>
                    )}
                  </span>
                </span>
              </td>
              <Cell label={t('portalProjectsFiles.colSize')}>{formatBytes(f.size, format.locale)}</Cell>
              <Cell label={t('portalProjectsFiles.colAdded')}>{format.dateTime(f.created_at)}</Cell>
              <td className="block pt-2 sm:table-cell sm:px-4 sm:py-2 sm:text-right">
                <DownloadButton fileId={f.id} name={f.name} />
              </td>
            </tr>
          ))}
        </ResponsiveTable>
      )}
      {canUpload && <UploadForm projectId={project.id} />}
    </div>
  );
}

function UploadForm({ projectId }: { projectId: string }) {
  const t = useT();
  const { slug, branding } = usePortal();
  const toast = useToast();
  const changed = useFilesChanged(slug, projectId);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setError(t('portalProjectsFiles.fileRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const uploaded = await uploadFile(projectId, file);
      toast(t('portalProjectsFiles.uploaded', { name: uploaded.name, business: branding.name }));
      setFile(null);
      if (input.current) input.current.value = '';
      changed();
    } catch (err) {
      // 413 says how large a file may be; 403 that uploads were switched off meanwhile.
      setError(err instanceof ApiProblem ? err.message : messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('portalProjectsFiles.sendTitle')}>
      <form className="space-y-3" onSubmit={(e) => void submit(e)} noValidate>
        <div className="space-y-1.5">
          <label htmlFor="upload-file" className="block text-sm font-medium text-slate-800">
            {t('portalProjectsFiles.file')}
          </label>
          <input
            ref={input}
            id="upload-file"
            type="file"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'upload-file-error' : 'upload-file-hint'}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className="block w-full text-sm text-slate-800 file:mr-3 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-semibold file:text-slate-800 hover:file:bg-slate-50"
          />
          {error ? (
            <p id="upload-file-error" className="text-sm font-medium text-red-700">
              {error}
            </p>
          ) : (
            <p id="upload-file-hint" className="text-sm text-slate-600">
              {t('portalProjectsFiles.uploadHint', { business: branding.name })}
            </p>
          )}
        </div>
        <Button type="submit" busy={busy}>
          {t('portalProjectsFiles.upload')}
        </Button>
      </form>
    </Card>
  );
}
