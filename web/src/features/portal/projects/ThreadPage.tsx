import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { AttachmentList, AttachmentPicker, portalFiles, type PreviewableFile } from '@/components/files';
import { Alert, Button, ErrorState, Loading, TextArea, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import {
  markThreadRead,
  postMessage,
  uploadAttachment,
  useMessages,
  useThreadChanged,
  useThreads,
  useThreadsChanged,
  type PortalProjectDetail,
} from './api';
import { ProjectFrame } from './ProjectFrame';
import { useReadOnly } from './readOnly';
import { MarkdownView } from '@/components/Markdown';
import { MARKDOWN_HINT } from '@/lib/markdown';

/** `/projects/:id/messages/:threadId`: one conversation, and a reply box. */
export function ThreadPage() {
  return <ProjectFrame tab="messages">{(p) => <Thread project={p} />}</ProjectFrame>;
}

function Thread({ project }: { project: PortalProjectDetail }) {
  const t = useT();
  const { threadId = '' } = useParams();
  const { slug, base } = usePortal();
  const format = usePortalFormat();
  const readOnly = useReadOnly();
  const threads = useThreads(slug, project.id);
  const messages = useMessages(slug, threadId);
  const threadsChanged = useThreadsChanged(slug, project.id);
  const read = useRef<string | null>(null);
  const title = threads.data?.items.find((th) => th.id === threadId)?.title;
  const items = messages.data?.pages.flatMap((p) => p.items) ?? [];

  // A long thread comes in pages, oldest first: fetch on to the newest message.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = messages;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  // Opening the thread reads it; staff viewing as the client leave the client's marks alone.
  const loaded = messages.isSuccess;
  useEffect(() => {
    if (!loaded || readOnly || read.current === threadId) return;
    read.current = threadId;
    markThreadRead(threadId).then(threadsChanged, () => {});
  }, [loaded, readOnly, threadId, threadsChanged]);

  const back = (
    <Link
      to={`${base}/projects/${project.id}/messages`}
      className="text-sm font-medium text-brand-ink underline-offset-2 hover:underline"
    >
      ← {t('portalProjectsMessages.back')}
    </Link>
  );

  if (messages.isPending) return <Loading label={t('portalProjectsMessages.loading')} />;
  if (messages.isError) {
    const missing = messages.error instanceof ApiProblem && messages.error.status === 404;
    return (
      <div className="space-y-4">
        <ErrorState
          title={missing ? t('portalProjectsMessages.notFound') : t('portalProjectsMessages.loadFailed')}
          message={messageOf(messages.error)}
          onRetry={missing ? undefined : () => void messages.refetch()}
        />
        {back}
      </div>
    );
  }

  return (
    <div className="max-w-3xl space-y-4">
      {back}
      <h2 className="text-xl font-semibold break-words text-slate-900">
        {title ?? t('portalProjectsMessages.conversation')}
      </h2>
      <ol className="space-y-3" aria-label={t('portalProjectsMessages.list')}>
        {items.map((m) => {
          const mine = m.author_kind === 'client';
          return (
            <li
              key={m.id}
              className={`rounded-xl border p-4 ${mine ? 'border-slate-200 bg-slate-50 sm:ml-12' : 'border-slate-200 bg-white shadow-sm sm:mr-12'}`}
            >
              <p className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                <span className="font-semibold text-slate-900">
                  {mine ? t('portalProjectsMessages.you') : m.author_name}
                </span>
                <time dateTime={m.created_at} className="text-slate-600">
                  {format.dateTime(m.created_at)}
                </time>
              </p>
              {/* Markdown as everywhere else: line breaks kept, any HTML shown as text. */}
              <MarkdownView text={m.body} className="mt-1.5" />
              <AttachmentList files={m.attachments} source={portalFiles} />
            </li>
          );
        })}
      </ol>
      {isFetchingNextPage && <Loading label={t('portalProjectsMessages.loadingNewer')} />}
      {!readOnly && <Reply projectId={project.id} threadId={threadId} />}
    </div>
  );
}

function Reply({ projectId, threadId }: { projectId: string; threadId: string }) {
  const t = useT();
  const { slug, branding } = usePortal();
  const toast = useToast();
  const changed = useThreadChanged(slug, projectId, threadId);
  const readOnly = useReadOnly();
  const [body, setBody] = useState('');
  const [attachments, setAttachments] = useState<PreviewableFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) {
      setFieldError(t('portalProjectsMessages.replyRequired'));
      return;
    }
    setBusy(true);
    setFieldError(undefined);
    setError(null);
    try {
      await postMessage(
        threadId,
        body,
        attachments.map((a) => a.id),
      );
      setBody('');
      setAttachments([]);
      toast(t('portalProjectsMessages.replySent', { business: branding.name }));
      changed();
    } catch (err) {
      const field = err instanceof ApiProblem ? err.fieldError('body') : undefined;
      if (field) setFieldError(field);
      else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="space-y-3" onSubmit={(e) => void submit(e)} noValidate>
      {error && <Alert tone="error">{error}</Alert>}
      <TextArea
        label={t('portalProjectsMessages.reply')}
        required
        maxLength={10000}
        value={body}
        error={fieldError}
        hint={MARKDOWN_HINT}
        onChange={(e) => setBody(e.target.value)}
      />
      {/* Files go with the message even when the project takes no uploads. */}
      <AttachmentPicker
        value={attachments}
        onChange={setAttachments}
        upload={(file) => uploadAttachment(projectId, file)}
        disabled={busy || readOnly}
      />
      <Button type="submit" busy={busy}>
        {t('portalProjectsMessages.sendReply')}
      </Button>
    </form>
  );
}
