import { Link, useSearchParams } from 'react-router';
import { ClientFilterNotice } from '@/components/ClientFilterNotice';
import { QuoteStatus } from '@/components/money/status';
import { statusLabel } from '@/components/money/statuses';
import { Cell, EmptyState, PageHeader, ResponsiveTable } from '@/components/ui';
import { formatDay } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { QUOTE_STATUSES, useFormatDate, useQuotes, useTenant, type QuoteSummary } from '../api';
import { ListBody, ListFilterBar } from '@/components/ListFilters';
import { linkButton, rowClass, rowLink } from '@/components/styles';
import { useListFilters } from '@/lib/useListFilters';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';

/**
 * `/app/quotes`: every quote, newest first, with where it stands and whether the client opened
 * it; `?client_id=` shows only that client's (the client page's "See all").
 */
export function QuotesPage() {
  const t = useT();
  const filters = useListFilters();
  const [params] = useSearchParams();
  const status = filters.get('status');
  const clientId = filters.get('client_id');
  const quotes = useQuotes(filters.q, status, clientId);
  const items = quotes.data?.pages.flatMap((p) => p.items) ?? [];
  const what = t('consoleBillingQuotes.list.what');
  const everyone = new URLSearchParams(params);
  everyone.delete('client_id');
  return (
    <div>
      <PageHeader
        title={t('consoleBillingQuotes.list.title')}
        description={t('consoleBillingQuotes.list.description')}
        actions={
          <Link to="/app/quotes/new" className={linkButton}>
            {t('consoleBillingQuotes.list.new')}
          </Link>
        }
      />
      <ListFilterBar
        id="quotes"
        filters={filters}
        placeholder={t('consoleBillingQuotes.list.search')}
        statuses={QUOTE_STATUSES.map((s) => ({ value: s, label: statusLabel.quote(s) }))}
      />
      {clientId && (
        <ClientFilterNotice
          clientId={clientId}
          what={what}
          showAll={`/app/quotes${everyone.size ? `?${everyone.toString()}` : ''}`}
          clientName={items.find((q) => q.client.id === clientId)?.client.name}
        />
      )}
      <ListBody
        query={quotes}
        count={items.length}
        what={what}
        filters={filters}
        empty={
          <EmptyState
            title={t('consoleBillingQuotes.list.emptyTitle')}
            action={
              <Link to="/app/quotes/new" className={linkButton}>
                {t('consoleBillingQuotes.list.emptyAction')}
              </Link>
            }
          >
            {t('consoleBillingQuotes.list.emptyText')}
          </EmptyState>
        }
      >
        <QuotesTable quotes={items} />
      </ListBody>
    </div>
  );
}

function QuotesTable({ quotes }: { quotes: QuoteSummary[] }) {
  const t = useT();
  const tenant = useTenant();
  const format = useFormatDate();
  const locale = useFormatLocale(tenant.data?.locale);
  const col = {
    number: t('consoleBillingQuotes.col.number'),
    title: t('consoleBillingQuotes.col.title'),
    client: t('consoleBillingQuotes.col.client'),
    status: t('consoleBillingQuotes.col.status'),
    total: t('consoleBillingQuotes.col.total'),
    validUntil: t('consoleBillingQuotes.col.validUntil'),
    viewed: t('consoleBillingQuotes.col.viewed'),
  };
  return (
    <ResponsiveTable
      label={t('consoleBillingQuotes.list.title')}
      columns={[
        col.number,
        col.title,
        col.client,
        col.status,
        col.total,
        { label: col.validUntil, className: 'hidden md:table-cell' },
        { label: col.viewed, className: 'hidden lg:table-cell' },
      ]}
    >
      {quotes.map((q) => (
        <tr key={q.id} className={rowClass}>
          <td className="block pb-2 sm:table-cell sm:px-4 sm:py-3">
            <Link to={`/app/quotes/${q.id}`} className={rowLink}>
              {q.number}
            </Link>
            {q.revision > 1 && (
              <span className="ml-1 text-xs text-slate-600">
                {t('consoleBillingQuotes.list.revisionShort', { revision: String(q.revision) })}
              </span>
            )}
          </td>
          <Cell label={col.title}>{q.title}</Cell>
          <Cell label={col.client}>
            <Link to={`/app/clients/${q.client.id}`} className="relative z-10 underline underline-offset-2">
              {q.client.name}
            </Link>
          </Cell>
          <Cell label={col.status}>
            <QuoteStatus status={q.status} audience="staff" />
          </Cell>
          <Cell label={col.total}>
            <span className="whitespace-nowrap">{formatMoney(q.total_minor, q.currency, locale)}</span>
          </Cell>
          <Cell label={col.validUntil} wide="sm:hidden md:table-cell">
            {formatDay(q.valid_until, locale)}
          </Cell>
          <Cell label={col.viewed} wide="sm:hidden lg:table-cell">
            {q.view_count > 0 && q.first_viewed_at ? (
              <>
                {format(q.first_viewed_at)}
                <span className="block text-xs text-slate-600">
                  {t('consoleBillingQuotes.list.opened', { count: q.view_count })}
                </span>
              </>
            ) : (
              <span className="text-slate-600">
                {q.status === 'draft' ? '—' : t('consoleBilling.notYet')}
              </span>
            )}
          </Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
