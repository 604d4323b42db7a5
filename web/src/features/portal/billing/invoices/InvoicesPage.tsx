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
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { usePortalInvoices, type InvoiceState } from '../api';
import { InvoiceStatus } from '@/components/money/status';

const states = [
  { state: 'unpaid', labelKey: 'portalBillingInvoices.tabUnpaid' },
  { state: 'paid', labelKey: 'portalBillingInvoices.tabPaid' },
  { state: 'all', labelKey: 'portalBillingInvoices.tabAll' },
] as const satisfies readonly { state: InvoiceState; labelKey: string }[];

/** Each tab's empty state: its title and its explanation (which may name the business). */
const EMPTY_KEYS = {
  unpaid: ['portalBillingInvoices.emptyUnpaid', 'portalBillingInvoices.emptyUnpaidText'],
  paid: ['portalBillingInvoices.emptyPaid', 'portalBillingInvoices.emptyPaidText'],
  all: ['portalBillingInvoices.emptyAll', 'portalBillingInvoices.emptyAllText'],
} as const satisfies Record<InvoiceState, readonly [string, string]>;

/** `/invoices`: what is due (overdue marked), what is paid, or everything. */
export function InvoicesPage() {
  const t = useT();
  const { slug, base, branding } = usePortal();
  const format = usePortalFormat();
  const [params] = useSearchParams();
  const asked = params.get('state');
  const state: InvoiceState = asked === 'paid' || asked === 'all' ? asked : 'unpaid';
  const list = usePortalInvoices(slug, state);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [title, explain] = EMPTY_KEYS[state];

  return (
    <div className="max-w-4xl">
      <PageHeader
        title={t('portalBillingInvoices.title')}
        description={t('portalBillingInvoices.description', { business: branding.name })}
      />
      <TabLinks
        label={t('portalBillingInvoices.tabsLabel')}
        tabs={states.map((s) => ({
          to: s.state === 'unpaid' ? `${base}/invoices` : `${base}/invoices?state=${s.state}`,
          label: t(s.labelKey),
          selected: s.state === state,
        }))}
      />
      {list.isPending ? (
        <Loading label={t('portalBillingInvoices.loading')} />
      ) : list.isError ? (
        <ErrorState message={messageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t(title)}>{t(explain, { business: branding.name })}</EmptyState>
      ) : (
        <ResponsiveTable
          columns={[
            t('portalBillingInvoices.colInvoice'),
            t('portalBillingInvoices.colStatus'),
            t('portalBillingInvoices.colDueDate'),
            t('portalBillingInvoices.colTotal'),
            t('portalBillingInvoices.colAmountDue'),
          ]}
        >
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
              <Cell label={t('portalBillingInvoices.colStatus')}>
                <InvoiceStatus status={i.status} overdue={i.overdue} />
              </Cell>
              <Cell label={t('portalBillingInvoices.colDueDate')}>{format.day(i.due_date)}</Cell>
              <Cell label={t('portalBillingInvoices.colTotal')}>
                {format.money(i.total_minor, i.currency)}
              </Cell>
              <Cell label={t('portalBillingInvoices.colAmountDue')}>
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
          {t('portalBillingInvoices.showMore')}
        </Button>
      )}
    </div>
  );
}
