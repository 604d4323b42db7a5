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
  useFormatDate,
  useMessages,
  useProjectChanged,
  useThreads,
  workKeys,
  type Message,
  type ProjectDetail,
} from './api';
import { MarkdownView } from '@/components/Markdown';
import { MARKDOWN_HINT } from '@/lib/markdown';

/** The project's conversations with the client, newest activity first. */
export function MessagesTab({ project }: { project: ProjectDetail }) {
  const threads = useThreads(project.id);
  const format = useFormatDate();
  const [starting, setStarting] = useState(false);
  const items = threads.data?.items ?? [];
  return (
    <div className="space-y-6">
      {starting ? (
        <NewThread project={project} onCancel={() => setStarting(false)} />
      ) : (
        <Button onClick={() => setStarting(true)}>New thread</Button>
      )}
      {threads.isPending ? (
        <Loading label="Loading messages…" />
      ) : threads.isError ? (
        <ErrorState
          title="The messages could not be loaded"
          message={messageOf(threads.error)}
          onRetry={() => void threads.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState title="No messages yet">
          Start a thread for each topic, such as “Design feedback”. {project.client_name} reads and answers in
          the portal; internal notes stay with your team.
        </EmptyState>
      ) : (
        <Card title="Threads">
          <ul aria-label="Threads" className="divide-y divide-slate-100">
            {items.map((t) => (
              <li key={t.id} className="relative py-3 hover:bg-slate-50">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link
                    to={`/app/projects/${project.id}/messages/${t.id}`}
                    className={`after:absolute after:inset-0 after:content-[''] hover:underline ${t.unread_count > 0 ? 'font-bold text-slate-900' : 'font-medium text-slate-900'}`}
                  >
                    {t.title}
                  </Link>
                  <span className="flex items-center gap-2 text-sm text-slate-600">
                    {t.unread_count > 0 && <Badge tone="blue">{t.unread_count} unread</Badge>}
                    <time dateTime={t.last_message_at}>{format(t.last_message_at)}</time>
                  </span>
                </div>
                {t.last_message && (
                  <p className="mt-1 line-clamp-1 text-sm text-slate-600">{t.last_message}</p>
                )}
                <p className="text-xs text-slate-500">
                  {t.message_count} {t.message_count === 1 ? 'message' : 'messages'}
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
  return (
    <label className="flex items-center gap-2 text-sm text-slate-800">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="h-4 w-4 rounded border-slate-300"
      />
      Internal note (client won’t see it)
    </label>
  );
}

function NewThread({ project, onCancel }: { project: ProjectDetail; onCancel: () => void }) {
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const changed = useProjectChanged();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [tried, setTried] = useState(false);
  const create = useMutation({
    mutationFn: () => createThread(project.id, { title: title.trim(), body, internal }),
    onSuccess: (t) => {
      void queryClient.invalidateQueries({ queryKey: workKeys.threads(project.id) });
      changed(project.id);
      toast(
        internal
          ? `Thread “${t.title}” started with an internal note`
          : `Thread “${t.title}” started — ${project.client_name} has been emailed`,
      );
      navigate(`/app/projects/${project.id}/messages/${t.id}`);
    },
  });
  const problem = create.error instanceof ApiProblem ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (title.trim() && body.trim()) create.mutate();
  };
  return (
    <Card title="New thread">
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField
          label="Subject"
          value={title}
          placeholder="e.g. Design feedback"
          error={tried && !title.trim() ? 'Give the thread a subject.' : problem?.fieldError('title')}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextArea
          label="Message"
          value={body}
          error={tried && !body.trim() ? 'Write the first message.' : problem?.fieldError('body')}
          hint={MARKDOWN_HINT}
          onChange={(e) => setBody(e.target.value)}
        />
        <InternalCheckbox checked={internal} onChange={setInternal} />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" busy={create.isPending}>
            Start thread
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            Cancel
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
  const { threadId = '' } = useParams();
  const threads = useThreads(project.id);
  const messages = useMessages(project.id, threadId);
  const queryClient = useQueryClient();
  const thread = threads.data?.items.find((t) => t.id === threadId);
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
        ← All threads
      </Link>
      <Card title={thread?.title ?? 'Thread'}>
        {messages.isPending ? (
          <Loading label="Loading messages…" />
        ) : messages.isError && !messages.data ? (
          <ErrorState
            title="This thread could not be loaded"
            message={messageOf(messages.error)}
            onRetry={() => void messages.refetch()}
          />
        ) : (
          <>
            {items.length === 0 ? (
              <p className="text-sm text-slate-600">No messages in this thread yet.</p>
            ) : (
              <ol aria-label="Messages" className="space-y-3">
                {items.map((m) => (
                  <MessageItem key={m.id} message={m} />
                ))}
              </ol>
            )}
            {messages.isFetchingNextPage && <Loading label="Loading newer messages…" />}
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
  const format = useFormatDate();
  const tone = m.internal
    ? 'border-amber-300 bg-amber-50'
    : m.author_kind === 'client'
      ? 'border-slate-200 bg-white'
      : 'border-slate-200 bg-slate-50';
  return (
    <li
      aria-label={m.internal ? `Internal note from ${m.author_name}` : `Message from ${m.author_name}`}
      className={`rounded-lg border p-3 ${tone}`}
    >
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-semibold text-slate-900">{m.author_name}</span>
        {m.author_kind === 'client' && <Badge tone="blue">Client</Badge>}
        {m.internal && <Badge tone="amber">Internal</Badge>}
        <time dateTime={m.created_at} className="text-slate-600">
          {format(m.created_at)}
        </time>
      </div>
      {/* Markdown, with any HTML in it shown as text. */}
      <MarkdownView text={m.body} className="mt-1 text-slate-900" />
    </li>
  );
}

function Composer({ project, threadId }: { project: ProjectDetail; threadId: string }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const changed = useProjectChanged();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [tried, setTried] = useState(false);
  const send = useMutation({
    mutationFn: () => postMessage(threadId, { body, internal }),
    onSuccess: (m) => {
      void queryClient.invalidateQueries({ queryKey: workKeys.messages(project.id, threadId) });
      void queryClient.invalidateQueries({ queryKey: workKeys.threads(project.id) });
      changed(project.id);
      setBody('');
      setTried(false);
      toast(
        m.internal
          ? 'Internal note added — only your team sees it'
          : `Message sent — ${project.client_name} has been emailed`,
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
          label={internal ? 'Internal note' : 'Reply'}
          value={body}
          error={tried && !body.trim() ? 'Write something first.' : problem?.fieldError('body')}
          hint={
            internal
              ? `Only your team sees this note. ${MARKDOWN_HINT}`
              : `${project.client_name} is emailed and reads it in the portal. ${MARKDOWN_HINT}`
          }
          onChange={(e) => setBody(e.target.value)}
        />
        <InternalCheckbox checked={internal} onChange={setInternal} />
        <Button type="submit" busy={send.isPending}>
          {internal ? 'Add internal note' : 'Send'}
        </Button>
        {send.isError && (!problem || problem.offScreen(['body'])) && (
          <Alert tone="error">{messageOf(send.error, ['body'])}</Alert>
        )}
      </form>
    </Card>
  );
}
