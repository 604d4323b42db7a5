import { Link, useSearchParams } from 'react-router';
import { ClientFilterNotice } from '@/components/ClientFilterNotice';
import { InvoiceStatus } from '@/components/money/status';
import { statusLabel } from '@/components/money/statuses';
import { Cell, EmptyState, PageHeader, ResponsiveTable } from '@/components/ui';
import { formatDay } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { INVOICE_STATUSES, useInvoices, useTenant, type InvoiceSummary } from '../api';
import { ListBody, ListFilterBar } from '@/components/ListFilters';
import { linkButton, rowClass, rowLink } from '@/components/styles';
import { useListFilters } from '@/lib/useListFilters';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';

/**
 * `/app/invoices`: every invoice, newest first, with what is still due and what is overdue;
 * `?client_id=` shows only that client's (the client page's "See all").
 */
export function InvoicesPage() {
  const t = useT();
  const filters = useListFilters();
  const [params] = useSearchParams();
  const overdue = filters.get('overdue') === '1';
  const clientId = filters.get('client_id');
  const invoices = useInvoices(filters.q, filters.get('status'), overdue, clientId);
  const items = invoices.data?.pages.flatMap((p) => p.items) ?? [];
  const what = t('consoleBillingInvoices.list.what');
  const everyone = new URLSearchParams(params);
  everyone.delete('client_id');
  return (
    <div>
      <PageHeader
        title={t('consoleBillingInvoices.list.title')}
        description={t('consoleBillingInvoices.list.description')}
        actions={
          <Link to="/app/invoices/new" className={linkButton}>
            {t('consoleBillingInvoices.list.new')}
          </Link>
        }
      />
      <ListFilterBar
        id="invoices"
        filters={filters}
        placeholder={t('consoleBillingInvoices.list.search')}
        statuses={INVOICE_STATUSES.map((s) => ({ value: s, label: statusLabel.invoice(s) }))}
      >
        <label className="flex h-10 items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            checked={overdue}
            onChange={(e) => filters.setParam('overdue', e.target.checked ? '1' : '')}
            className="h-4 w-4"
          />
          {t('consoleBillingInvoices.list.overdueOnly')}
        </label>
      </ListFilterBar>
      {clientId && (
        <ClientFilterNotice
          clientId={clientId}
          what={what}
          showAll={`/app/invoices${everyone.size ? `?${everyone.toString()}` : ''}`}
          clientName={items.find((i) => i.client.id === clientId)?.client.name}
        />
      )}
      <ListBody
        query={invoices}
        count={items.length}
        what={what}
        filters={filters}
        empty={
          <EmptyState
            title={t('consoleBillingInvoices.list.emptyTitle')}
            action={
              <Link to="/app/invoices/new" className={linkButton}>
                {t('consoleBillingInvoices.list.emptyAction')}
              </Link>
            }
          >
            {t('consoleBillingInvoices.list.emptyText')}
          </EmptyState>
        }
      >
        <InvoicesTable invoices={items} />
      </ListBody>
    </div>
  );
}

function InvoicesTable({ invoices }: { invoices: InvoiceSummary[] }) {
  const t = useT();
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  const col = {
    number: t('consoleBillingInvoices.col.number'),
    title: t('consoleBillingInvoices.col.title'),
    client: t('consoleBillingInvoices.col.client'),
    status: t('consoleBillingInvoices.col.status'),
    due: t('consoleBillingInvoices.col.dueDate'),
    total: t('consoleBillingInvoices.col.total'),
    amountDue: t('consoleBillingInvoices.col.amountDue'),
  };
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  return (
    <ResponsiveTable
      label={t('consoleBillingInvoices.list.title')}
      columns={[
        col.number,
        col.title,
        col.client,
        col.status,
        { label: col.due, className: 'hidden md:table-cell' },
        col.total,
        col.amountDue,
      ]}
    >
      {invoices.map((i) => (
        <tr key={i.id} className={rowClass}>
          <td className="block pb-2 sm:table-cell sm:px-4 sm:py-3">
            <Link to={`/app/invoices/${i.id}`} className={rowLink}>
              {i.number}
            </Link>
          </td>
          <Cell label={col.title}>{i.title}</Cell>
          <Cell label={col.client}>
            <Link to={`/app/clients/${i.client.id}`} className="relative z-10 underline underline-offset-2">
              {i.client.name}
            </Link>
          </Cell>
          <Cell label={col.status}>
            <InvoiceStatus status={i.status} overdue={i.overdue} audience="staff" />
          </Cell>
          <Cell label={col.due} wide="sm:hidden md:table-cell">
            {formatDay(i.due_date, locale)}
          </Cell>
          <Cell label={col.total}>
            <span className="whitespace-nowrap">{money(i.total_minor, i.currency)}</span>
          </Cell>
          <Cell label={col.amountDue}>
            <span className={`whitespace-nowrap ${i.overdue ? 'font-semibold text-red-700' : ''}`}>
              {i.status === 'void' || i.status === 'draft' ? '—' : money(i.due_minor, i.currency)}
            </span>
          </Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
