import { Link } from 'react-router';
import { messageOf } from '@/api/problem';
import { Badge, Button, Card, ErrorState, Spinner } from '@/components/ui';
import { useFormatDate, usePaymentEvents } from '../api';
import { useT } from '@/lib/i18n/hooks';

/** Each outcome's badge: its colour and the key of its words. */
const outcomes: Record<string, ['green' | 'grey' | 'red' | 'blue', string]> = {
  recorded: ['green', 'consoleBillingSettings.events.recorded'],
  duplicate: ['grey', 'consoleBillingSettings.events.duplicate'],
  rejected: ['red', 'consoleBillingSettings.events.rejected'],
  ignored: ['grey', 'consoleBillingSettings.events.ignored'],
};

/** What the providers told us lately, and what was done with it: the place to look when a payment does not show. */
export function PaymentEvents() {
  const t = useT();
  const events = usePaymentEvents();
  const format = useFormatDate();
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={t('consoleBillingSettings.events.title')}>
      {events.isPending ? (
        <Spinner label={t('consoleBillingSettings.events.loading')} />
      ) : events.isError ? (
        <ErrorState message={messageOf(events.error)} onRetry={() => void events.refetch()} />
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-600">{t('consoleBillingSettings.events.empty')}</p>
      ) : (
        <>
          <ul className="divide-y divide-slate-100 text-sm">
            {items.map((e) => {
              const outcome = outcomes[e.outcome];
              const tone = outcome?.[0] ?? 'grey';
              const label = outcome ? t(outcome[1]) : e.outcome;
              return (
                <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                  <span className="min-w-0">
                    <span className="text-slate-900">{format(e.received_at)}</span>
                    <span className="text-slate-600">
                      {' '}
                      · {e.provider} · {e.event_type}
                    </span>
                    {e.detail && <span className="block text-slate-700">{e.detail}</span>}
                  </span>
                  <span className="flex items-center gap-2">
                    <Badge tone={tone}>{label}</Badge>
                    {e.invoice_id && (
                      <Link to={`/app/invoices/${e.invoice_id}`} className="underline underline-offset-2">
                        {t('consoleBillingSettings.events.invoice')}
                      </Link>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
          {events.hasNextPage && (
            <Button
              variant="secondary"
              className="mt-3"
              busy={events.isFetchingNextPage}
              onClick={() => void events.fetchNextPage()}
            >
              {t('consoleBillingSettings.events.loadMore')}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
