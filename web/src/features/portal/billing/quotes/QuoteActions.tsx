import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { Button, Card, ConfirmButton, useToast } from '@/components/ui';
import { formatMoneyCode } from '@/lib/money';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
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
  const t = useT();
  const { slug, base, branding } = usePortal();
  const format = usePortalFormat();
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
      toast(t('portalBillingQuotes.acceptedToast'), 'success', {
        label: t('portalBillingQuotes.openProject'),
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
    <Card title={t('portalBillingQuotes.decision')}>
      <div className="space-y-4">
        {mode === 'choose' && (
          <>
            <p className="text-sm text-slate-700">
              {t('portalBillingQuotes.decisionHint', { business: branding.name })}
            </p>
            <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
              <ConfirmButton
                label={t('portalBillingQuotes.accept')}
                openerVariant="primary"
                tone="primary"
                question={t('portalBillingQuotes.acceptConfirm', {
                  number: q.number,
                  total: formatMoneyCode(q.totals.total_minor, q.currency, format.locale),
                })}
                confirmLabel={t('portalBillingQuotes.acceptQuote')}
                busy={accepting}
                onConfirm={accept}
              />
              <Button variant="secondary" onClick={() => setMode('changes')}>
                {t('portalBillingQuotes.requestChanges')}
              </Button>
              <Button variant="ghost" onClick={() => setMode('decline')}>
                {t('portalBillingQuotes.decline')}
              </Button>
            </div>
          </>
        )}
        {mode === 'changes' && (
          <CommentForm
            label={t('portalBillingQuotes.changesLabel')}
            hint={t('portalBillingQuotes.changesHint', { business: branding.name })}
            required={t('portalBillingQuotes.changesRequired', { business: branding.name })}
            submitLabel={t('portalBillingQuotes.changesSubmit')}
            onCancel={() => setMode('choose')}
            onSubmit={async (comment) => {
              const next = await requestQuoteChanges(q.id, comment!);
              updated(next);
              toast(t('portalBillingQuotes.changesSent', { business: branding.name }));
            }}
            onConflict={conflict}
          />
        )}
        {mode === 'decline' && (
          <CommentForm
            label={t('portalBillingQuotes.declineLabel')}
            hint={t('portalBillingQuotes.declineHint')}
            submitLabel={t('portalBillingQuotes.declineSubmit')}
            danger
            onCancel={() => setMode('choose')}
            onSubmit={async (comment) => {
              const next = await declineQuote(q.id, comment);
              updated(next);
              toast(t('portalBillingQuotes.declined', { business: branding.name }));
            }}
            onConflict={conflict}
          />
        )}
      </div>
    </Card>
  );
}
