import { Link } from 'react-router';
import { ListBody, ListFilterBar } from '@/components/ListFilters';
import { linkButton } from '@/components/styles';
import { EmptyState, PageHeader } from '@/components/ui';
import { useListFilters } from '@/lib/useListFilters';
import { useClients } from './api';
import { ClientsTable } from './ClientsTable';

const STATUS_FILTERS = [
  { value: 'lead', label: 'Leads' },
  { value: 'active', label: 'Active' },
  { value: 'archived', label: 'Archived' },
  { value: 'all', label: 'All, archived too' },
];

export function ClientsPage() {
  // The URL holds the search and filter, so a reload or a shared link shows the same list.
  const filters = useListFilters();
  const { q } = filters;
  const status = filters.get('status');
  const clients = useClients(q, status);
  const items = clients.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div>
      <PageHeader
        title="Clients"
        description="Everyone you work with, and whether they use your portal."
        actions={
          <Link to="/app/clients/new" className={linkButton}>
            New client
          </Link>
        }
      />
      <ListFilterBar
        id="client"
        filters={filters}
        placeholder="Name, email or company"
        statuses={STATUS_FILTERS}
        allStatuses="Active and leads"
      />
      <ListBody
        query={clients}
        count={items.length}
        what="clients"
        filters={filters}
        clearLabel="Clear search and filter"
        noMatch={noMatch(q, status)}
        empty={
          <EmptyState
            title="No clients yet"
            action={
              <Link to="/app/clients/new" className={linkButton}>
                Add your first client
              </Link>
            }
          >
            Add your first client, then invite them to the portal, where they can see their details and
            everything you share with them.
          </EmptyState>
        }
      >
        <ClientsTable clients={items} />
      </ListBody>
    </div>
  );
}

function noMatch(q: string, status: string): string {
  if (q && status) return `No client matching “${q}” has this status.`;
  if (q) return `No client’s name, email or company contains “${q}”.`;
  return 'No clients have this status.';
}
