import { useState, type FormEvent } from 'react';
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
  useToast,
} from '@/components/ui';
import { FilePreview, portalFiles } from '@/components/files';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import {
  approveDeliverable,
  requestChanges,
  useDeliverableDecided,
  useDeliverables,
  type Deliverable,
  type PortalProjectDetail,
} from './api';
import { DownloadButton } from './DownloadButton';
import { ProjectFrame } from './ProjectFrame';
import { useReadOnly } from './readOnly';
import { DeliverableStatus } from './status';
import { formatBytes } from '@/lib/format';
import { MarkdownView } from '@/components/Markdown';

/** `/projects/:id/deliverables`: the work handed over for the client's approval. */
export function DeliverablesPage() {
  return <ProjectFrame tab="deliverables">{(p) => <Deliverables project={p} />}</ProjectFrame>;
}

function Deliverables({ project }: { project: PortalProjectDetail }) {
  const t = useT();
  const { slug, branding } = usePortal();
  const list = useDeliverables(slug, project.id);
  if (list.isPending) return <Loading label={t('portalProjectsDeliverables.loading')} />;
  if (list.isError) return <ErrorState message={messageOf(list.error)} onRetry={() => void list.refetch()} />;
  const items = list.data.items;
  if (items.length === 0) {
    return (
      <EmptyState title={t('portalProjectsDeliverables.empty')}>
        {t('portalProjectsDeliverables.emptyText', { business: branding.name })}
      </EmptyState>
    );
  }
  // What waits for the client comes first; otherwise the order the work was planned in.
  const sorted = [...items].sort(
    (a, b) => Number(b.status === 'submitted') - Number(a.status === 'submitted'),
  );
  return (
    <ul className="space-y-4">
      {sorted.map((d) => (
        <li key={d.id}>
          <DeliverableCard projectId={project.id} deliverable={d} />
        </li>
      ))}
    </ul>
  );
}

/** What happened to a deliverable, one sentence per event (its subject chosen inside the message). */
const HISTORY_KEYS: Record<string, string> = {
  submitted: 'portalProjectsDeliverables.history.submitted',
  approved: 'portalProjectsDeliverables.history.approved',
  changes_requested: 'portalProjectsDeliverables.history.changesRequested',
  reopened: 'portalProjectsDeliverables.history.reopened',
};

function DeliverableCard({ projectId, deliverable: d }: { projectId: string; deliverable: Deliverable }) {
  const t = useT();
  const { slug, branding } = usePortal();
  const format = usePortalFormat();
  const readOnly = useReadOnly();
  const toast = useToast();
  const decided = useDeliverableDecided(slug, projectId);
  const [changing, setChanging] = useState(false);
  const [approving, setApproving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);

  const fail = (err: unknown) => {
    // Someone else decided first, or the team took it back: say so and show how it stands now.
    if (err instanceof ApiProblem && err.status === 409) {
      setConflict(err.message);
      setChanging(false);
      decided();
      return true;
    }
    return false;
  };

  const approve = async () => {
    setApproving(true);
    setConflict(null);
    try {
      await approveDeliverable(d.id);
      toast(t('portalProjectsDeliverables.approvedToast', { title: d.title, business: branding.name }));
      decided();
    } catch (err) {
      if (!fail(err)) toast(messageOf(err), 'error');
    } finally {
      setApproving(false);
    }
  };

  /** One history line: the actor (you, the system, or the business by name) and what they did. */
  const event = (kind: string, what: string) => {
    const values = { actor: kind, name: branding.name, event: what };
    const key = HISTORY_KEYS[what];
    return key ? t(key, values) : t('portalProjectsDeliverables.history.other', values);
  };

  const heading = (
    <span className="flex flex-wrap items-center gap-2">
      {d.title}
      {d.round > 1 && (
        <span className="text-sm font-normal text-slate-600">
          {t('portalProjectsDeliverables.round', { round: d.round })}
        </span>
      )}
    </span>
  );

  return (
    <Card title={heading} actions={<DeliverableStatus status={d.status} />}>
      <div className="space-y-4">
        {conflict && <Alert tone="warning">{conflict}</Alert>}
        {d.description && <MarkdownView text={d.description} />}
        {d.files.length > 0 && (
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-800">
              {t('portalProjectsDeliverables.files')}
            </h3>
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
              {d.files.map((f) => (
                <li key={f.id} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2">
                  {/* Look at the work before deciding: an image or a PDF opens over the page. */}
                  <span className="flex min-w-0 flex-1 items-center gap-3">
                    <FilePreview file={f} source={portalFiles} size="md" />
                    <span className="min-w-0 break-all text-sm">
                      <span className="font-medium text-slate-900">{f.name}</span>{' '}
                      <span className="text-slate-600">{formatBytes(f.size, format.locale)}</span>
                    </span>
                  </span>
                  <DownloadButton fileId={f.id} name={f.name} />
                </li>
              ))}
            </ul>
          </div>
        )}
        {d.history.length > 0 && (
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-800">
              {t('portalProjectsDeliverables.historyTitle')}
            </h3>
            <ol className="space-y-2">
              {d.history.map((h, i) => (
                <li key={i} className="flex flex-col gap-0.5 text-sm sm:flex-row sm:gap-4">
                  <span className="shrink-0 text-slate-600 sm:w-44">{format.dateTime(h.at)}</span>
                  <span className="min-w-0 text-slate-900">
                    {event(h.actor_kind, h.event)}
                    {h.comment && (
                      <span className="mt-1 block whitespace-pre-line border-l-2 border-slate-300 pl-3 text-slate-700">
                        {h.comment}
                      </span>
                    )}
                  </span>
                </li>
              ))}
            </ol>
          </div>
        )}
        {d.status === 'submitted' && !readOnly && (
          <div className="space-y-3 border-t border-slate-100 pt-4">
            {changing ? (
              <ChangesForm
                deliverable={d}
                onCancel={() => setChanging(false)}
                onSent={() => {
                  setChanging(false);
                  toast(
                    t('portalProjectsDeliverables.changesSent', { business: branding.name, title: d.title }),
                  );
                  decided();
                }}
                onConflict={fail}
              />
            ) : (
              <div className="flex flex-col gap-2 sm:flex-row">
                <ConfirmButton
                  label={t('portalProjectsDeliverables.approve')}
                  tone="primary"
                  openerVariant="primary"
                  question={t('portalProjectsDeliverables.approveConfirm', {
                    title: d.title,
                    business: branding.name,
                  })}
                  confirmLabel={t('portalProjectsDeliverables.approveYes')}
                  busy={approving}
                  onConfirm={approve}
                />
                <Button variant="secondary" onClick={() => setChanging(true)}>
                  {t('portalProjectsDeliverables.requestChanges')}
                </Button>
              </div>
            )}
          </div>
        )}
        {d.status === 'submitted' && readOnly && (
          <p className="text-sm text-slate-600">{t('portalProjectsDeliverables.waitingForClient')}</p>
        )}
      </div>
    </Card>
  );
}

function ChangesForm({
  deliverable,
  onCancel,
  onSent,
  onConflict,
}: {
  deliverable: Deliverable;
  onCancel: () => void;
  onSent: () => void;
  onConflict: (err: unknown) => boolean;
}) {
  const t = useT();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!comment.trim()) {
      setFieldError(t('portalProjectsDeliverables.changesRequired'));
      return;
    }
    setBusy(true);
    setFieldError(undefined);
    setError(null);
    try {
      await requestChanges(deliverable.id, comment.trim());
      onSent();
    } catch (err) {
      if (onConflict(err)) return;
      const field = err instanceof ApiProblem ? err.fieldError('comment') : undefined;
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
        label={t('portalProjectsDeliverables.changesLabel')}
        hint={t('portalProjectsDeliverables.changesHint')}
        required
        autoFocus
        maxLength={5000}
        value={comment}
        error={fieldError}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" busy={busy}>
          {t('portalProjectsDeliverables.changesSubmit')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('portalProjectsDeliverables.cancel')}
        </Button>
      </div>
    </form>
  );
}
