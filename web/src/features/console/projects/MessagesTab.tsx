import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import {
  Alert,
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorState,
  Loading,
  TextArea,
  TextField,
  useToast,
} from '@/components/ui';
import {
  createThread,
  markThreadRead,
  postMessage,
  uploadAttachment,
  useFormatDate,
  useMessages,
  useProjectChanged,
  useThreads,
  workKeys,
  type Message,
  type ProjectDetail,
} from './api';
import { AttachmentList, AttachmentPicker, consoleFiles, type PreviewableFile } from '@/components/files';
import { MarkdownView } from '@/components/Markdown';
import { markdownHint } from '@/lib/markdown';
import { useT } from '@/lib/i18n/hooks';

/** The project's conversations with the client, newest activity first. */
export function MessagesTab({ project }: { project: ProjectDetail }) {
  const t = useT();
  const threads = useThreads(project.id);
  const format = useFormatDate();
  const [starting, setStarting] = useState(false);
  const items = threads.data?.items ?? [];
  return (
    <div className="space-y-6">
      {starting ? (
        <NewThread project={project} onCancel={() => setStarting(false)} />
      ) : (
        <Button onClick={() => setStarting(true)}>{t('consoleProjectsMessages.newThread')}</Button>
      )}
      {threads.isPending ? (
        <Loading label={t('consoleProjectsMessages.loading')} />
      ) : threads.isError ? (
        <ErrorState
          title={t('consoleProjectsMessages.loadError')}
          message={messageOf(threads.error)}
          onRetry={() => void threads.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState title={t('consoleProjectsMessages.emptyTitle')}>
          {t('consoleProjectsMessages.emptyText', { client: project.client_name })}
        </EmptyState>
      ) : (
        <Card title={t('consoleProjectsMessages.threads')}>
          <ul aria-label={t('consoleProjectsMessages.threads')} className="divide-y divide-slate-100">
            {items.map((th) => (
              <li key={th.id} className="relative py-3 hover:bg-slate-50">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link
                    to={`/app/projects/${project.id}/messages/${th.id}`}
                    className={`after:absolute after:inset-0 after:content-[''] hover:underline ${th.unread_count > 0 ? 'font-bold text-slate-900' : 'font-medium text-slate-900'}`}
                  >
                    {th.title}
                  </Link>
                  <span className="flex items-center gap-2 text-sm text-slate-600">
                    {th.unread_count > 0 && (
                      <Badge tone="blue">
                        {t('consoleProjectsMessages.unread', { count: th.unread_count })}
                      </Badge>
                    )}
                    <time dateTime={th.last_message_at}>{format(th.last_message_at)}</time>
                  </span>
                </div>
                {th.last_message && (
                  <p className="mt-1 line-clamp-1 text-sm text-slate-600">{th.last_message}</p>
                )}
                <p className="text-xs text-slate-500">
                  {t('consoleProjectsMessages.messageCount', { count: th.message_count })}
                </p>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

function InternalCheckbox({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  const t = useT();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-800">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="h-4 w-4 rounded border-slate-300"
      />
      {t('consoleProjectsMessages.internalCheckbox')}
    </label>
  );
}

/** Files to send with the message; an internal note's files stay with the team, as the note does. */
function MessageAttachments({
  projectId,
  internal,
  value,
  onChange,
  disabled,
}: {
  projectId: string;
  internal: boolean;
  value: PreviewableFile[];
  onChange: (next: PreviewableFile[]) => void;
  disabled: boolean;
}) {
  const t = useT();
  return (
    <div className="space-y-1">
      <AttachmentPicker
        value={value}
        onChange={onChange}
        upload={(file) => uploadAttachment(projectId, file)}
        disabled={disabled}
      />
      {internal && <p className="text-sm text-amber-900">{t('consoleProjectsMessages.attachInternal')}</p>}
    </div>
  );
}

/** The ids to send, or nothing when no file is attached. */
const attachmentIds = (files: PreviewableFile[]) => (files.length > 0 ? files.map((f) => f.id) : undefined);

function NewThread({ project, onCancel }: { project: ProjectDetail; onCancel: () => void }) {
  const t = useT();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const changed = useProjectChanged();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [attachments, setAttachments] = useState<PreviewableFile[]>([]);
  const [tried, setTried] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      createThread(project.id, {
        title: title.trim(),
        body,
        internal,
        attachment_ids: attachmentIds(attachments),
      }),
    onSuccess: (th) => {
      setAttachments([]);
      void queryClient.invalidateQueries({ queryKey: workKeys.threads(project.id) });
      changed(project.id);
      toast(
        internal
          ? t('consoleProjectsMessages.startedInternal', { title: th.title })
          : t('consoleProjectsMessages.started', { title: th.title, client: project.client_name }),
      );
      navigate(`/app/projects/${project.id}/messages/${th.id}`);
    },
  });
  const problem = create.error instanceof ApiProblem ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (title.trim() && body.trim()) create.mutate();
  };
  return (
    <Card title={t('consoleProjectsMessages.newThread')}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField
          label={t('consoleProjectsMessages.subject')}
          value={title}
          placeholder={t('consoleProjectsMessages.subjectPlaceholder')}
          error={
            tried && !title.trim()
              ? t('consoleProjectsMessages.subjectMissing')
              : problem?.fieldError('title')
          }
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextArea
          label={t('consoleProjectsMessages.message')}
          value={body}
          error={
            tried && !body.trim() ? t('consoleProjectsMessages.firstMissing') : problem?.fieldError('body')
          }
          hint={markdownHint()}
          onChange={(e) => setBody(e.target.value)}
        />
        <MessageAttachments
          projectId={project.id}
          internal={internal}
          value={attachments}
          onChange={setAttachments}
          disabled={create.isPending}
        />
        <InternalCheckbox checked={internal} onChange={setInternal} />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" busy={create.isPending}>
            {t('consoleProjectsMessages.start')}
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            {t('consoleProjectsMessages.cancel')}
          </Button>
        </div>
        {create.isError && (!problem || problem.offScreen(['title', 'body'])) && (
          <Alert tone="error">{messageOf(create.error, ['title', 'body'])}</Alert>
        )}
      </form>
    </Card>
  );
}

/** One thread: its messages oldest first, internal notes set apart, and a composer. */
export function ThreadView({ project }: { project: ProjectDetail }) {
  const t = useT();
  const { threadId = '' } = useParams();
  const threads = useThreads(project.id);
  const messages = useMessages(project.id, threadId);
  const queryClient = useQueryClient();
  const thread = threads.data?.items.find((th) => th.id === threadId);
  const items = (messages.data?.pages.flatMap((p) => p.items) ?? []).sort((a, b) =>
    a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : 1,
  );
  const read = useMutation({
    mutationFn: () => markThreadRead(threadId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: workKeys.threads(project.id) }),
  });
  // Pages run oldest to newest, so the whole thread is loaded to show its latest messages.
  useEffect(() => {
    if (messages.hasNextPage && !messages.isFetchingNextPage && !messages.isFetchNextPageError) {
      void messages.fetchNextPage();
    }
  }, [messages]);
  const newest = messages.hasNextPage ? undefined : items[items.length - 1]?.id;
  const readMark = useRef<string | undefined>(undefined);
  useEffect(() => {
    // Opening the thread (or a new message arriving in it) marks it read, once per newest message.
    if (newest && readMark.current !== newest) {
      readMark.current = newest;
      read.mutate();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [newest]);

  return (
    <div className="space-y-4">
      <Link
        to={`/app/projects/${project.id}/messages`}
        className="inline-block text-sm font-medium text-slate-700 hover:underline"
      >
        {t('consoleProjectsMessages.back')}
      </Link>
      <Card title={thread?.title ?? t('consoleProjectsMessages.thread')}>
        {messages.isPending ? (
          <Loading label={t('consoleProjectsMessages.loading')} />
        ) : messages.isError && !messages.data ? (
          <ErrorState
            title={t('consoleProjectsMessages.threadLoadError')}
            message={messageOf(messages.error)}
            onRetry={() => void messages.refetch()}
          />
        ) : (
          <>
            {items.length === 0 ? (
              <p className="text-sm text-slate-600">{t('consoleProjectsMessages.threadEmpty')}</p>
            ) : (
              <ol aria-label={t('consoleProjectsMessages.messages')} className="space-y-3">
                {items.map((m) => (
                  <MessageItem key={m.id} message={m} />
                ))}
              </ol>
            )}
            {messages.isFetchingNextPage && <Loading label={t('consoleProjectsMessages.loadingNewer')} />}
            {messages.isFetchNextPageError && (
              <div className="mt-3">
                <Alert tone="error">{messageOf(messages.error)}</Alert>
              </div>
            )}
          </>
        )}
      </Card>
      <Composer project={project} threadId={threadId} />
    </div>
  );
}

function MessageItem({ message: m }: { message: Message }) {
  const t = useT();
  const format = useFormatDate();
  const tone = m.internal
    ? 'border-amber-300 bg-amber-50'
    : m.author_kind === 'client'
      ? 'border-slate-200 bg-white'
      : 'border-slate-200 bg-slate-50';
  return (
    <li
      aria-label={
        m.internal
          ? t('consoleProjectsMessages.noteFrom', { name: m.author_name })
          : t('consoleProjectsMessages.messageFrom', { name: m.author_name })
      }
      className={`rounded-lg border p-3 ${tone}`}
    >
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-semibold text-slate-900">{m.author_name}</span>
        {m.author_kind === 'client' && <Badge tone="blue">{t('consoleProjectsMessages.client')}</Badge>}
        {m.internal && <Badge tone="amber">{t('consoleProjectsMessages.internal')}</Badge>}
        <time dateTime={m.created_at} className="text-slate-600">
          {format(m.created_at)}
        </time>
      </div>
      {/* Markdown, with any HTML in it shown as text. */}
      <MarkdownView text={m.body} className="mt-1 text-slate-900" />
      <AttachmentList files={m.attachments} source={consoleFiles} />
    </li>
  );
}

function Composer({ project, threadId }: { project: ProjectDetail; threadId: string }) {
  const t = useT();
  const toast = useToast();
  const queryClient = useQueryClient();
  const changed = useProjectChanged();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [attachments, setAttachments] = useState<PreviewableFile[]>([]);
  const [tried, setTried] = useState(false);
  const send = useMutation({
    mutationFn: () => postMessage(threadId, { body, internal, attachment_ids: attachmentIds(attachments) }),
    onSuccess: (m) => {
      void queryClient.invalidateQueries({ queryKey: workKeys.messages(project.id, threadId) });
      void queryClient.invalidateQueries({ queryKey: workKeys.threads(project.id) });
      changed(project.id);
      setBody('');
      setAttachments([]);
      setTried(false);
      toast(
        m.internal
          ? t('consoleProjectsMessages.noteAdded')
          : t('consoleProjectsMessages.sent', { client: project.client_name }),
      );
    },
  });
  const problem = send.error instanceof ApiProblem ? send.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (body.trim()) send.mutate();
  };
  return (
    <Card className={internal ? 'border-amber-300 bg-amber-50' : ''}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <TextArea
          label={internal ? t('consoleProjectsMessages.internalNote') : t('consoleProjectsMessages.reply')}
          value={body}
          error={
            tried && !body.trim() ? t('consoleProjectsMessages.bodyMissing') : problem?.fieldError('body')
          }
          hint={
            internal
              ? `${t('consoleProjectsMessages.noteHint')} ${markdownHint()}`
              : `${t('consoleProjectsMessages.replyHint', { client: project.client_name })} ${markdownHint()}`
          }
          onChange={(e) => setBody(e.target.value)}
        />
        <MessageAttachments
          projectId={project.id}
          internal={internal}
          value={attachments}
          onChange={setAttachments}
          disabled={send.isPending}
        />
        <InternalCheckbox checked={internal} onChange={setInternal} />
        <Button type="submit" busy={send.isPending}>
          {internal ? t('consoleProjectsMessages.addNote') : t('consoleProjectsMessages.send')}
        </Button>
        {send.isError && (!problem || problem.offScreen(['body'])) && (
          <Alert tone="error">{messageOf(send.error, ['body'])}</Alert>
        )}
      </form>
    </Card>
  );
}
