import { Link, useSearchParams } from 'react-router';
import { ClientFilterNotice } from '@/components/ClientFilterNotice';
import { ContractStatus } from '@/components/money/status';
import { statusLabel } from '@/components/money/statuses';
import { Cell, EmptyState, PageHeader, ResponsiveTable } from '@/components/ui';
import { CONTRACT_STATUSES, useContracts, useFormatDate, type ContractSummary } from '../api';
import { ListBody, ListFilterBar } from '@/components/ListFilters';
import { linkButton, rowClass, rowLink } from '@/components/styles';
import { useListFilters } from '@/lib/useListFilters';
import { useT } from '@/lib/i18n/hooks';

/**
 * `/app/contracts`: every contract, newest first, with whether the client signed it;
 * `?client_id=` shows only that client's (the client page's "See all").
 */
export function ContractsPage() {
  const t = useT();
  const filters = useListFilters();
  const [params] = useSearchParams();
  const clientId = filters.get('client_id');
  const contracts = useContracts(filters.q, filters.get('status'), clientId);
  const items = contracts.data?.pages.flatMap((p) => p.items) ?? [];
  const what = t('consoleBillingContracts.list.what');
  const everyone = new URLSearchParams(params);
  everyone.delete('client_id');
  return (
    <div>
      <PageHeader
        title={t('consoleBillingContracts.list.title')}
        description={t('consoleBillingContracts.list.description')}
        actions={
          <Link to="/app/contracts/new" className={linkButton}>
            {t('consoleBillingContracts.list.new')}
          </Link>
        }
      />
      <ListFilterBar
        id="contracts"
        filters={filters}
        placeholder={t('consoleBillingContracts.list.search')}
        statuses={CONTRACT_STATUSES.map((s) => ({ value: s, label: statusLabel.contract(s) }))}
      />
      {clientId && (
        <ClientFilterNotice
          clientId={clientId}
          what={what}
          showAll={`/app/contracts${everyone.size ? `?${everyone.toString()}` : ''}`}
          clientName={items.find((c) => c.client.id === clientId)?.client.name}
        />
      )}
      <ListBody
        query={contracts}
        count={items.length}
        what={what}
        filters={filters}
        empty={
          <EmptyState
            title={t('consoleBillingContracts.list.emptyTitle')}
            action={
              <Link to="/app/contracts/new" className={linkButton}>
                {t('consoleBillingContracts.list.emptyAction')}
              </Link>
            }
          >
            {t('consoleBillingContracts.list.emptyText')}
          </EmptyState>
        }
      >
        <ContractsTable contracts={items} />
      </ListBody>
    </div>
  );
}

function ContractsTable({ contracts }: { contracts: ContractSummary[] }) {
  const t = useT();
  const format = useFormatDate();
  const col = {
    title: t('consoleBillingContracts.col.title'),
    client: t('consoleBillingContracts.col.client'),
    status: t('consoleBillingContracts.col.status'),
    sent: t('consoleBillingContracts.col.sent'),
    signed: t('consoleBillingContracts.col.signed'),
    views: t('consoleBillingContracts.col.views'),
  };
  return (
    <ResponsiveTable
      label={t('consoleBillingContracts.list.title')}
      columns={[
        col.title,
        col.client,
        col.status,
        { label: col.sent, className: 'hidden md:table-cell' },
        col.signed,
        { label: col.views, className: 'hidden lg:table-cell' },
      ]}
    >
      {contracts.map((c) => (
        <tr key={c.id} className={rowClass}>
          <td className="block pb-2 sm:table-cell sm:px-4 sm:py-3">
            <Link to={`/app/contracts/${c.id}`} className={rowLink.replace('whitespace-nowrap ', '')}>
              {c.title}
            </Link>
          </td>
          <Cell label={col.client}>
            <Link to={`/app/clients/${c.client.id}`} className="relative z-10 underline underline-offset-2">
              {c.client.name}
            </Link>
          </Cell>
          <Cell label={col.status}>
            <ContractStatus status={c.status} audience="staff" />
          </Cell>
          <Cell label={col.sent} wide="sm:hidden md:table-cell">
            {c.sent_at ? (
              format(c.sent_at)
            ) : (
              <span className="text-slate-600">{t('consoleBilling.notYet')}</span>
            )}
          </Cell>
          <Cell label={col.signed}>
            {c.signed_at ? format(c.signed_at) : <span className="text-slate-600">—</span>}
          </Cell>
          <Cell label={col.views} wide="sm:hidden lg:table-cell">
            {c.view_count}
          </Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
