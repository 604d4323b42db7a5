import { Link } from 'react-router';
import { ContractStatus } from '@/components/money/status';
import { statusLabel } from '@/components/money/statuses';
import { Cell, EmptyState, PageHeader, ResponsiveTable } from '@/components/ui';
import { CONTRACT_STATUSES, useContracts, useFormatDate, type ContractSummary } from '../api';
import { ListBody, ListFilterBar } from '@/components/ListFilters';
import { linkButton, rowClass, rowLink } from '@/components/styles';
import { useListFilters } from '@/lib/useListFilters';

/** `/app/contracts`: every contract, newest first, with whether the client signed it. */
export function ContractsPage() {
  const filters = useListFilters();
  const contracts = useContracts(filters.q, filters.get('status'));
  const items = contracts.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <PageHeader
        title="Contracts"
        description="Agreements your clients read and sign in the portal, with a full audit of each signature."
        actions={
          <Link to="/app/contracts/new" className={linkButton}>
            New contract
          </Link>
        }
      />
      <ListFilterBar
        id="contracts"
        filters={filters}
        placeholder="Title or client"
        statuses={CONTRACT_STATUSES.map((s) => ({ value: s, label: statusLabel.contract(s) }))}
      />
      <ListBody
        query={contracts}
        count={items.length}
        what="contracts"
        filters={filters}
        empty={
          <EmptyState
            title="No contracts yet"
            action={
              <Link to="/app/contracts/new" className={linkButton}>
                Write your first contract
              </Link>
            }
          >
            Write the agreement in plain text or Markdown and send it: your client signs it in the portal, and
            both of you can download the signed PDF.
          </EmptyState>
        }
      >
        <ContractsTable contracts={items} />
      </ListBody>
    </div>
  );
}

function ContractsTable({ contracts }: { contracts: ContractSummary[] }) {
  const format = useFormatDate();
  return (
    <ResponsiveTable
      label="Contracts"
      columns={[
        'Title',
        'Client',
        'Status',
        { label: 'Sent', className: 'hidden md:table-cell' },
        'Signed',
        { label: 'Views', className: 'hidden lg:table-cell' },
      ]}
    >
      {contracts.map((c) => (
        <tr key={c.id} className={rowClass}>
          <td className="block pb-2 sm:table-cell sm:px-4 sm:py-3">
            <Link to={`/app/contracts/${c.id}`} className={rowLink.replace('whitespace-nowrap ', '')}>
              {c.title}
            </Link>
          </td>
          <Cell label="Client">
            <Link to={`/app/clients/${c.client.id}`} className="relative z-10 underline underline-offset-2">
              {c.client.name}
            </Link>
          </Cell>
          <Cell label="Status">
            <ContractStatus status={c.status} audience="staff" />
          </Cell>
          <Cell label="Sent" wide="sm:hidden md:table-cell">
            {c.sent_at ? format(c.sent_at) : <span className="text-slate-600">Not yet</span>}
          </Cell>
          <Cell label="Signed">
            {c.signed_at ? format(c.signed_at) : <span className="text-slate-600">—</span>}
          </Cell>
          <Cell label="Views" wide="sm:hidden lg:table-cell">
            {c.view_count}
          </Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
