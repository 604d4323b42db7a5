import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
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
import { usePortal, usePortalFormat } from '@/lib/portal';
import { startThread, useThreads, useThreadsChanged, type PortalProjectDetail } from './api';
import { ProjectFrame } from './ProjectFrame';
import { useReadOnly } from './readOnly';
import { MARKDOWN_HINT } from '@/lib/markdown';

/** `/projects/:id/messages`: the project's conversations, newest activity first. */
export function MessagesPage() {
  return <ProjectFrame tab="messages">{(p) => <Threads project={p} />}</ProjectFrame>;
}

function Threads({ project }: { project: PortalProjectDetail }) {
  const { slug, base, branding } = usePortal();
  const format = usePortalFormat();
  const readOnly = useReadOnly();
  const threads = useThreads(slug, project.id);
  const [starting, setStarting] = useState(false);

  return (
    <div className="space-y-4">
      {!readOnly && !starting && <Button onClick={() => setStarting(true)}>New thread</Button>}
      {starting && <NewThread projectId={project.id} onCancel={() => setStarting(false)} />}
      {threads.isPending ? (
        <Loading label="Loading the messages…" />
      ) : threads.isError ? (
        <ErrorState message={messageOf(threads.error)} onRetry={() => void threads.refetch()} />
      ) : threads.data.items.length === 0 ? (
        <EmptyState title="No messages yet">
          Questions, feedback and answers about this project live here, one thread per topic. Start a thread
          and {branding.name}’s replies arrive here and by email.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
          {threads.data.items.map((t) => (
            <li key={t.id}>
              <Link
                to={`${base}/projects/${project.id}/messages/${t.id}`}
                className="block p-4 hover:bg-slate-50"
              >
                <span className="flex flex-wrap items-center justify-between gap-2">
                  <span
                    className={`min-w-0 break-words text-slate-900 ${t.unread_count > 0 ? 'font-semibold' : 'font-medium'}`}
                  >
                    {t.title}
                  </span>
                  <span className="flex items-center gap-2 text-sm text-slate-600">
                    {t.unread_count > 0 && (
                      <span className="rounded-full bg-brand px-2 py-0.5 text-xs font-semibold text-brand-fg">
                        {t.unread_count} new
                        <span className="sr-only"> {t.unread_count === 1 ? 'message' : 'messages'}</span>
                      </span>
                    )}
                    {format.dateTime(t.last_message_at)}
                  </span>
                </span>
                {t.last_message && (
                  <span className="mt-1 block truncate text-sm text-slate-700">{t.last_message}</span>
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
  const { slug, base, branding } = usePortal();
  const toast = useToast();
  const navigate = useNavigate();
  const changed = useThreadsChanged(slug, projectId);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [missing, setMissing] = useState<{ title?: string; body?: string }>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const blank = {
      title: title.trim() ? undefined : 'Give the thread a subject.',
      body: body.trim() ? undefined : 'Write your message.',
    };
    setMissing(blank);
    if (blank.title || blank.body) return;
    setBusy(true);
    setProblem(null);
    try {
      const started = await startThread(projectId, title.trim(), body);
      changed();
      toast(`Message sent — ${branding.name} will reply here.`);
      navigate(`${base}/projects/${projectId}/messages/${started.id}`);
    } catch (err) {
      setProblem(err instanceof ApiProblem ? err : null);
      if (!(err instanceof ApiProblem)) toast(messageOf(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="New thread">
      <form className="space-y-4" onSubmit={(e) => void submit(e)} noValidate>
        {problem && problem.errors.length === 0 && <Alert tone="error">{problem.message}</Alert>}
        <TextField
          label="Subject"
          required
          maxLength={200}
          autoFocus
          value={title}
          error={missing.title ?? problem?.fieldError('title')}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextArea
          label="Message"
          required
          maxLength={10000}
          value={body}
          error={missing.body ?? problem?.fieldError('body')}
          hint={MARKDOWN_HINT}
          onChange={(e) => setBody(e.target.value)}
        />
        <div className="flex flex-col gap-2 sm:flex-row">
          <Button type="submit" busy={busy}>
            Send
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}
