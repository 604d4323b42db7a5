import { Link } from 'react-router';
import { QuoteStatus } from '@/components/money/status';
import { statusLabel } from '@/components/money/statuses';
import { Cell, EmptyState, PageHeader, ResponsiveTable } from '@/components/ui';
import { formatDay } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { QUOTE_STATUSES, useFormatDate, useQuotes, useTenant, type QuoteSummary } from '../api';
import { ListBody, ListFilterBar } from '@/components/ListFilters';
import { linkButton, rowClass, rowLink } from '@/components/styles';
import { useListFilters } from '@/lib/useListFilters';

/** `/app/quotes`: every quote, newest first, with where it stands and whether the client opened it. */
export function QuotesPage() {
  const filters = useListFilters();
  const status = filters.get('status');
  const quotes = useQuotes(filters.q, status);
  const items = quotes.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <PageHeader
        title="Quotes"
        description="Prices you propose to clients. They accept, ask for changes or decline in the portal."
        actions={
          <Link to="/app/quotes/new" className={linkButton}>
            New quote
          </Link>
        }
      />
      <ListFilterBar
        id="quotes"
        filters={filters}
        placeholder="Number, title or client"
        statuses={QUOTE_STATUSES.map((s) => ({ value: s, label: statusLabel.quote(s) }))}
      />
      <ListBody
        query={quotes}
        count={items.length}
        what="quotes"
        filters={filters}
        empty={
          <EmptyState
            title="No quotes yet"
            action={
              <Link to="/app/quotes/new" className={linkButton}>
                Write your first quote
              </Link>
            }
          >
            A quote lists the work and its price. Once sent, your client reads it in the portal and accepts it
            with one click — which starts the project.
          </EmptyState>
        }
      >
        <QuotesTable quotes={items} />
      </ListBody>
    </div>
  );
}

function QuotesTable({ quotes }: { quotes: QuoteSummary[] }) {
  const tenant = useTenant();
  const format = useFormatDate();
  const locale = tenant.data?.locale ?? navigator.language;
  return (
    <ResponsiveTable
      label="Quotes"
      columns={[
        'Number',
        'Title',
        'Client',
        'Status',
        'Total',
        { label: 'Valid until', className: 'hidden md:table-cell' },
        { label: 'Viewed', className: 'hidden lg:table-cell' },
      ]}
    >
      {quotes.map((q) => (
        <tr key={q.id} className={rowClass}>
          <td className="block pb-2 sm:table-cell sm:px-4 sm:py-3">
            <Link to={`/app/quotes/${q.id}`} className={rowLink}>
              {q.number}
            </Link>
            {q.revision > 1 && <span className="ml-1 text-xs text-slate-600">rev. {q.revision}</span>}
          </td>
          <Cell label="Title">{q.title}</Cell>
          <Cell label="Client">
            <Link to={`/app/clients/${q.client.id}`} className="relative z-10 underline underline-offset-2">
              {q.client.name}
            </Link>
          </Cell>
          <Cell label="Status">
            <QuoteStatus status={q.status} audience="staff" />
          </Cell>
          <Cell label="Total">
            <span className="whitespace-nowrap">{formatMoney(q.total_minor, q.currency, locale)}</span>
          </Cell>
          <Cell label="Valid until" wide="sm:hidden md:table-cell">
            {formatDay(q.valid_until, locale)}
          </Cell>
          <Cell label="Viewed" wide="sm:hidden lg:table-cell">
            {q.view_count > 0 && q.first_viewed_at ? (
              <>
                {format(q.first_viewed_at)}
                <span className="block text-xs text-slate-600">
                  {q.view_count === 1 ? 'Opened once' : `Opened ${q.view_count} times`}
                </span>
              </>
            ) : (
              <span className="text-slate-600">{q.status === 'draft' ? '—' : 'Not yet'}</span>
            )}
          </Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
