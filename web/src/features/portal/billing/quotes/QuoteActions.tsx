import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { Button, Card, ConfirmButton, useToast } from '@/components/ui';
import { formatMoneyCode } from '@/lib/money';
import { usePortal } from '@/lib/portal';
import {
  acceptQuote,
  declineQuote,
  keys,
  requestQuoteChanges,
  useMoneyChanged,
  type PortalQuote,
} from '../api';
import { CommentForm } from './CommentForm';

/** The client's decision on a sent quote: accept, request changes, or decline. */
export function QuoteActions({
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
