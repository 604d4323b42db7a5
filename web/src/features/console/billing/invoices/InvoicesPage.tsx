import { Link } from 'react-router';
import { InvoiceStatus } from '@/components/money/status';
import { statusLabel } from '@/components/money/statuses';
import { Cell, EmptyState, PageHeader, ResponsiveTable } from '@/components/ui';
import { formatDay } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { INVOICE_STATUSES, useInvoices, useTenant, type InvoiceSummary } from '../api';
import { ListBody, ListFilterBar } from '@/components/ListFilters';
import { linkButton, rowClass, rowLink } from '@/components/styles';
import { useListFilters } from '@/lib/useListFilters';

/** `/app/invoices`: every invoice, newest first, with what is still due and what is overdue. */
export function InvoicesPage() {
  const filters = useListFilters();
  const overdue = filters.get('overdue') === '1';
  const invoices = useInvoices(filters.q, filters.get('status'), overdue);
  const items = invoices.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <PageHeader
        title="Invoices"
        description="What clients owe you. They pay online in the portal, or you record what arrives by hand."
        actions={
          <Link to="/app/invoices/new" className={linkButton}>
            New invoice
          </Link>
        }
      />
      <ListFilterBar
        id="invoices"
        filters={filters}
        placeholder="Number, title or client"
        statuses={INVOICE_STATUSES.map((s) => ({ value: s, label: statusLabel.invoice(s) }))}
      >
        <label className="flex h-10 items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            checked={overdue}
            onChange={(e) => filters.setParam('overdue', e.target.checked ? '1' : '')}
            className="h-4 w-4"
          />
          Overdue only
        </label>
      </ListFilterBar>
      <ListBody
        query={invoices}
        count={items.length}
        what="invoices"
        filters={filters}
        empty={
          <EmptyState
            title="No invoices yet"
            action={
              <Link to="/app/invoices/new" className={linkButton}>
                Write your first invoice
              </Link>
            }
          >
            Invoices appear here once written — or made from an accepted quote in one click. Your client sees
            each sent invoice in the portal and can pay it there.
          </EmptyState>
        }
      >
        <InvoicesTable invoices={items} />
      </ListBody>
    </div>
  );
}

function InvoicesTable({ invoices }: { invoices: InvoiceSummary[] }) {
  const tenant = useTenant();
  const locale = tenant.data?.locale ?? navigator.language;
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  return (
    <ResponsiveTable
      label="Invoices"
      columns={[
        'Number',
        'Title',
        'Client',
        'Status',
        { label: 'Due date', className: 'hidden md:table-cell' },
        'Total',
        'Amount due',
      ]}
    >
      {invoices.map((i) => (
        <tr key={i.id} className={rowClass}>
          <td className="block pb-2 sm:table-cell sm:px-4 sm:py-3">
            <Link to={`/app/invoices/${i.id}`} className={rowLink}>
              {i.number}
            </Link>
          </td>
          <Cell label="Title">{i.title}</Cell>
          <Cell label="Client">
            <Link to={`/app/clients/${i.client.id}`} className="relative z-10 underline underline-offset-2">
              {i.client.name}
            </Link>
          </Cell>
          <Cell label="Status">
            <InvoiceStatus status={i.status} overdue={i.overdue} audience="staff" />
          </Cell>
          <Cell label="Due date" wide="sm:hidden md:table-cell">
            {formatDay(i.due_date, locale)}
          </Cell>
          <Cell label="Total">
            <span className="whitespace-nowrap">{money(i.total_minor, i.currency)}</span>
          </Cell>
          <Cell label="Amount due">
            <span className={`whitespace-nowrap ${i.overdue ? 'font-semibold text-red-700' : ''}`}>
              {i.status === 'void' || i.status === 'draft' ? '—' : money(i.due_minor, i.currency)}
            </span>
          </Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
