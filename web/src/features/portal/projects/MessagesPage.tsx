import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { AttachmentPicker, type PreviewableFile } from '@/components/files';
import {
  Alert,
  Button,
  Card,
  EmptyState,
  ErrorState,
  Loading,
  TextArea,
  TextField,
  useToast,
} from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { Rich } from '@/lib/i18n/Rich';
import { usePortal, usePortalFormat } from '@/lib/portal';
import {
  startThread,
  uploadAttachment,
  useThreads,
  useThreadsChanged,
  type PortalProjectDetail,
} from './api';
import { ProjectFrame } from './ProjectFrame';
import { useReadOnly } from './readOnly';
import { MARKDOWN_HINT } from '@/lib/markdown';

/** `/projects/:id/messages`: the project's conversations, newest activity first. */
export function MessagesPage() {
  return <ProjectFrame tab="messages">{(p) => <Threads project={p} />}</ProjectFrame>;
}

function Threads({ project }: { project: PortalProjectDetail }) {
  const t = useT();
  const { slug, base, branding } = usePortal();
  const format = usePortalFormat();
  const readOnly = useReadOnly();
  const threads = useThreads(slug, project.id);
  const [starting, setStarting] = useState(false);

  return (
    <div className="space-y-4">
      {!readOnly && !starting && (
        <Button onClick={() => setStarting(true)}>{t('portalProjectsMessages.newThread')}</Button>
      )}
      {starting && <NewThread projectId={project.id} onCancel={() => setStarting(false)} />}
      {threads.isPending ? (
        <Loading label={t('portalProjectsMessages.loading')} />
      ) : threads.isError ? (
        <ErrorState message={messageOf(threads.error)} onRetry={() => void threads.refetch()} />
      ) : threads.data.items.length === 0 ? (
        <EmptyState title={t('portalProjectsMessages.empty')}>
          {t('portalProjectsMessages.emptyText', { business: branding.name })}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
          {threads.data.items.map((th) => (
            <li key={th.id}>
              <Link
                to={`${base}/projects/${project.id}/messages/${th.id}`}
                className="block p-4 hover:bg-slate-50"
              >
                <span className="flex flex-wrap items-center justify-between gap-2">
                  <span
                    className={`min-w-0 break-words text-slate-900 ${th.unread_count > 0 ? 'font-semibold' : 'font-medium'}`}
                  >
                    {th.title}
                  </span>
                  <span className="flex items-center gap-2 text-sm text-slate-600">
                    {th.unread_count > 0 && (
                      <span className="rounded-full bg-brand px-2 py-0.5 text-xs font-semibold text-brand-fg">
                        <Rich
                          text={t('portalProjectsMessages.unread', { count: th.unread_count })}
                          tags={{ sr: (chunk) => <span className="sr-only">{chunk}</span> }}
                        />
                      </span>
                    )}
                    {format.dateTime(th.last_message_at)}
                  </span>
                </span>
                {th.last_message && (
                  <span className="mt-1 block truncate text-sm text-slate-700">{th.last_message}</span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NewThread({ projectId, onCancel }: { projectId: string; onCancel: () => void }) {
  const t = useT();
  const { slug, base, branding } = usePortal();
  const toast = useToast();
  const navigate = useNavigate();
  const changed = useThreadsChanged(slug, projectId);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [attachments, setAttachments] = useState<PreviewableFile[]>([]);
  const readOnly = useReadOnly();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [missing, setMissing] = useState<{ title?: string; body?: string }>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const blank = {
      title: title.trim() ? undefined : t('portalProjectsMessages.subjectRequired'),
      body: body.trim() ? undefined : t('portalProjectsMessages.bodyRequired'),
    };
    setMissing(blank);
    if (blank.title || blank.body) return;
    setBusy(true);
    setProblem(null);
    try {
      const started = await startThread(
        projectId,
        title.trim(),
        body,
        attachments.map((a) => a.id),
      );
      setAttachments([]);
      changed();
      toast(t('portalProjectsMessages.sent', { business: branding.name }));
      navigate(`${base}/projects/${projectId}/messages/${started.id}`);
    } catch (err) {
      setProblem(err instanceof ApiProblem ? err : null);
      if (!(err instanceof ApiProblem)) toast(messageOf(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('portalProjectsMessages.newThread')}>
      <form className="space-y-4" onSubmit={(e) => void submit(e)} noValidate>
        {problem && problem.errors.length === 0 && <Alert tone="error">{problem.message}</Alert>}
        <TextField
          label={t('portalProjectsMessages.subject')}
          required
          maxLength={200}
          autoFocus
          value={title}
          error={missing.title ?? problem?.fieldError('title')}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextArea
          label={t('portalProjectsMessages.message')}
          required
          maxLength={10000}
          value={body}
          error={missing.body ?? problem?.fieldError('body')}
          hint={MARKDOWN_HINT}
          onChange={(e) => setBody(e.target.value)}
        />
        <AttachmentPicker
          value={attachments}
          onChange={setAttachments}
          upload={(file) => uploadAttachment(projectId, file)}
          disabled={busy || readOnly}
        />
        <div className="flex flex-col gap-2 sm:flex-row">
          <Button type="submit" busy={busy}>
            {t('portalProjectsMessages.send')}
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            {t('portalProjectsMessages.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
