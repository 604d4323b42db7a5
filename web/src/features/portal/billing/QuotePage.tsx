import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { BillTo } from '@/components/money/BillTo';
import { MarkdownView } from '@/components/Markdown';
import { Alert, Badge, Button, Card, ConfirmButton, TextArea, useToast } from '@/components/ui';
import { formatMoneyCode } from '@/lib/money';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { useReadOnly } from '@/lib/read-only';
import {
  acceptQuote,
  declineQuote,
  keys,
  requestQuoteChanges,
  useMoneyChanged,
  usePortalQuote,
  type PortalQuote,
} from './api';
import { DocumentFrame } from './DocumentFrame';
import { LinesTable } from './LinesTable';
import { PdfButton } from './PdfButton';
import { QuoteStatus } from '@/components/money/status';

/** `/quotes/:id`: the quote, its lines and totals, and the client's decision. */
export function QuotePage() {
  const { id = '' } = useParams();
  const { slug, base } = usePortal();
  const quote = usePortalQuote(slug, id);
  return (
    <DocumentFrame back={`${base}/quotes`} backLabel="All quotes" query={quote} what="quote">
      {() => <Quote quote={quote.data!} />}
    </DocumentFrame>
  );
}

function Quote({ quote: q }: { quote: PortalQuote }) {
  const { base, branding } = usePortal();
  const format = usePortalFormat();
  const readOnly = useReadOnly();
  // Kept here, not in the actions: a conflict changes the status, and the actions go away.
  const [problem, setProblem] = useState<string | null>(null);
  const decided = q.decided_at ? ` on ${format.dateTime(q.decided_at)}` : '';

  return (
    <>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm text-slate-600">
            {q.number}
            {q.revision > 1 && ` · Revision ${q.revision}`}
          </p>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{q.title}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-700">
            {q.being_revised ? <Badge tone="blue">Being revised</Badge> : <QuoteStatus status={q.status} />}
            <span>
              {q.status === 'expired' ? 'Expired' : 'Valid until'} {format.day(q.valid_until)}
            </span>
            {q.sent_at && <span>Sent {format.dateTime(q.sent_at)}</span>}
          </div>
        </div>
        <PdfButton of={{ kind: 'quote', id: q.id }} filename={`${q.number}.pdf`} />
      </header>

      {problem && <Alert tone="error">{problem}</Alert>}
      {q.being_revised && (
        <Alert tone="info">
          {branding.name} is preparing a new version of this quote. This is revision {q.revision}, as it was
          sent; {readOnly ? 'the client can decide' : 'you can decide'} once the new version arrives.
        </Alert>
      )}
      {q.status === 'expired' && !q.being_revised && (
        <Alert tone="warning">
          This quote expired on {format.day(q.valid_until)}, so it can no longer be accepted. If you still
          want to go ahead, ask {branding.name} for a new one.
        </Alert>
      )}
      {q.status === 'accepted' && (
        <Alert tone="success">
          {readOnly ? 'The client accepted' : 'You accepted'} this quote{decided}.{' '}
          {q.project_id && (
            <Link
              to={`${base}/projects/${q.project_id}`}
              className="font-semibold underline underline-offset-2"
            >
              Open the project
            </Link>
          )}
        </Alert>
      )}
      {q.status === 'changes_requested' && (
        <Alert tone="info">
          {readOnly ? 'The client asked' : 'You asked'} for changes{decided}. {branding.name} will send a
          revised quote.
          {q.decision_comment && (
            <span className="mt-1 block whitespace-pre-line border-l-2 border-sky-300 pl-3">
              {q.decision_comment}
            </span>
          )}
        </Alert>
      )}
      {q.status === 'declined' && (
        <Alert tone="info">
          {readOnly ? 'The client declined' : 'You declined'} this quote{decided}.
          {q.decision_comment && (
            <span className="mt-1 block whitespace-pre-line border-l-2 border-sky-300 pl-3">
              {q.decision_comment}
            </span>
          )}
        </Alert>
      )}

      <Card title="What is included">
        <LinesTable lines={q.lines} totals={q.totals} currency={q.currency} />
      </Card>

      <Card>
        <BillTo addressee={q.client} draft={false} audience="client" />
      </Card>

      {q.notes && (
        <Card title="Notes">
          <MarkdownView text={q.notes} />
        </Card>
      )}

      {q.status === 'sent' &&
        !q.being_revised &&
        (readOnly ? (
          <p className="text-sm text-slate-600">
            Waiting for the client to accept, decline or ask for changes.
          </p>
        ) : (
          <QuoteActions quote={q} onProblem={setProblem} />
        ))}

      {q.revisions.length > 0 && (
        <Card title="Earlier versions">
          <ul className="space-y-2 text-sm">
            {q.revisions.map((r) => (
              <li key={r.revision}>
                <Link
                  to={`${base}/quotes/${q.id}/revisions/${r.revision}`}
                  className="font-medium text-brand-ink underline-offset-2 hover:underline"
                >
                  Revision {r.revision}
                </Link>
                {r.sent_at && <span className="text-slate-600"> · sent {format.dateTime(r.sent_at)}</span>}
                {r.comment && (
                  <span className="mt-0.5 block whitespace-pre-line text-slate-700">“{r.comment}”</span>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}

function QuoteActions({
  quote: q,
  onProblem,
}: {
  quote: PortalQuote;
  onProblem: (message: string | null) => void;
}) {
  const { slug, base, branding } = usePortal();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const changed = useMoneyChanged(slug);
  const [mode, setMode] = useState<'choose' | 'changes' | 'decline'>('choose');
  const [accepting, setAccepting] = useState(false);

  const updated = (next: PortalQuote) => {
    queryClient.setQueryData(keys.quote(slug, q.id), next);
    changed('quotes');
  };

  /** Someone (or the clock) changed the quote first: say why and show it as it is now. */
  const conflict = (err: unknown) => {
    if (err instanceof ApiProblem && err.status === 409) {
      onProblem(messageOf(err));
      void queryClient.invalidateQueries({ queryKey: keys.quote(slug, q.id) });
      return true;
    }
    return false;
  };

  const accept = async () => {
    setAccepting(true);
    onProblem(null);
    try {
      const result = await acceptQuote(q.id);
      updated(result.quote);
      const to = `${base}/projects/${result.project_id}`;
      toast('Quote accepted — project created', 'success', {
        label: 'Open the project',
        href: to,
        onClick: () => navigate(to),
      });
    } catch (err) {
      // A 409 closes the question (the quote is no longer open); anything else keeps it to retry.
      if (!conflict(err)) {
        onProblem(messageOf(err));
        throw err;
      }
    } finally {
      setAccepting(false);
    }
  };

  return (
    <Card title="Your decision">
      <div className="space-y-4">
        {mode === 'choose' && (
          <>
            <p className="text-sm text-slate-700">
              Accept to go ahead: {branding.name} starts a project for you with these lines as its tasks. Or
              ask for changes, or decline.
            </p>
            <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
              <ConfirmButton
                label="Accept"
                openerVariant="primary"
                tone="primary"
                question={`Accept quote ${q.number} for ${formatMoneyCode(q.totals.total_minor, q.currency, branding.locale)}? A project will be created.`}
                confirmLabel="Accept quote"
                busy={accepting}
                onConfirm={accept}
              />
              <Button variant="secondary" onClick={() => setMode('changes')}>
                Request changes
              </Button>
              <Button variant="ghost" onClick={() => setMode('decline')}>
                Decline
              </Button>
            </div>
          </>
        )}
        {mode === 'changes' && (
          <CommentForm
            label="What should change?"
            hint={`${branding.name} reads exactly what you write and sends a revised quote.`}
            required={`Write what should change, so ${branding.name} can revise the quote.`}
            submitLabel="Send change request"
            onCancel={() => setMode('choose')}
            onSubmit={async (comment) => {
              const next = await requestQuoteChanges(q.id, comment!);
              updated(next);
              toast(`Change request sent — ${branding.name} will revise the quote.`);
            }}
            onConflict={conflict}
          />
        )}
        {mode === 'decline' && (
          <CommentForm
            label="Why are you declining? (optional)"
            hint="It helps, but you do not have to say."
            submitLabel="Decline quote"
            danger
            onCancel={() => setMode('choose')}
            onSubmit={async (comment) => {
              const next = await declineQuote(q.id, comment);
              updated(next);
              toast(`Quote declined — ${branding.name} has been told.`);
            }}
            onConflict={conflict}
          />
        )}
      </div>
    </Card>
  );
}

/** A comment and a button; `required` is the message shown when it is sent empty. */
function CommentForm({
  label,
  hint,
  required,
  submitLabel,
  danger,
  onCancel,
  onSubmit,
  onConflict,
}: {
  label: string;
  hint: string;
  required?: string;
  submitLabel: string;
  danger?: boolean;
  onCancel: () => void;
  onSubmit: (comment: string | null) => Promise<void>;
  onConflict: (err: unknown) => boolean;
}) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = comment.trim();
    if (required && !text) {
      setFieldError(required);
      return;
    }
    setBusy(true);
    setFieldError(undefined);
    setError(null);
    try {
      await onSubmit(text || null);
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
        label={label}
        hint={hint}
        required={Boolean(required)}
        autoFocus
        maxLength={2000}
        value={comment}
        error={fieldError}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" variant={danger ? 'danger' : 'primary'} busy={busy}>
          {submitLabel}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
