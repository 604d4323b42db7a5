import { Link, useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import {
  Button,
  Cell,
  EmptyState,
  ErrorState,
  Loading,
  PageHeader,
  ResponsiveTable,
  TabLinks,
} from '@/components/ui';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { usePortalInvoices, type InvoiceState } from '../api';
import { InvoiceStatus } from '@/components/money/status';

const states: { state: InvoiceState; label: string }[] = [
  { state: 'unpaid', label: 'Unpaid' },
  { state: 'paid', label: 'Paid' },
  { state: 'all', label: 'All' },
];

const empty: Record<InvoiceState, [string, (business: string) => string]> = {
  unpaid: ['Nothing to pay', (b) => `When ${b} sends you an invoice, it appears here until it is paid.`],
  paid: ['No paid invoices yet', () => 'Invoices you have paid are kept here, with their payments.'],
  all: [
    'No invoices yet',
    (b) => `When ${b} sends you an invoice, it appears here, with what is due and when.`,
  ],
};

/** `/invoices`: what is due (overdue marked), what is paid, or everything. */
export function InvoicesPage() {
  const { slug, base, branding } = usePortal();
  const format = usePortalFormat();
  const [params] = useSearchParams();
  const asked = params.get('state');
  const state: InvoiceState = asked === 'paid' || asked === 'all' ? asked : 'unpaid';
  const list = usePortalInvoices(slug, state);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [title, explain] = empty[state];

  return (
    <div className="max-w-4xl">
      <PageHeader title="Invoices" description={`What you owe ${branding.name}, and what you have paid.`} />
      <TabLinks
        label="Which invoices"
        tabs={states.map((s) => ({
          to: s.state === 'unpaid' ? `${base}/invoices` : `${base}/invoices?state=${s.state}`,
          label: s.label,
          selected: s.state === state,
        }))}
      />
      {list.isPending ? (
        <Loading label="Loading your invoices…" />
      ) : list.isError ? (
        <ErrorState message={messageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={title}>{explain(branding.name)}</EmptyState>
      ) : (
        <ResponsiveTable columns={['Invoice', 'Status', 'Due date', 'Total', 'Amount due']}>
          {items.map((i) => (
            <tr
              key={i.id}
              className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:table-row sm:rounded-none sm:border-0 sm:p-0 sm:shadow-none"
            >
              <td className="block pb-2 sm:table-cell sm:px-4 sm:py-3">
                <Link
                  to={`${base}/invoices/${i.id}`}
                  className="font-semibold text-brand-ink underline-offset-2 hover:underline"
                >
                  {i.number}
                </Link>
                <span className="block text-slate-700">{i.title}</span>
              </td>
              <Cell label="Status">
                <InvoiceStatus status={i.status} overdue={i.overdue} />
              </Cell>
              <Cell label="Due date">{format.day(i.due_date)}</Cell>
              <Cell label="Total">{format.money(i.total_minor, i.currency)}</Cell>
              <Cell label="Amount due">
                <span className="font-semibold text-slate-900">{format.money(i.due_minor, i.currency)}</span>
              </Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
      {list.hasNextPage && (
        <Button
          variant="secondary"
          className="mt-4"
          busy={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          Show more
        </Button>
      )}
    </div>
  );
}
